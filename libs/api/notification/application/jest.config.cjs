module.exports = {
  displayName: 'api-notification-application',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/notification/application',
};
