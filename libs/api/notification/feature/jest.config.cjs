module.exports = {
  displayName: 'api-notification-feature',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/notification/feature',
};
