module.exports = {
  displayName: 'api-notification-infrastructure',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/notification/infrastructure',
};
