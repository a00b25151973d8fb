module.exports = {
  displayName: 'api-notification-contracts',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/notification/contracts',
};
