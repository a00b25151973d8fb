module.exports = {
  displayName: 'department-shell',
  preset: '../../jest.preset.angular.cjs',
  passWithNoTests: true,
  coverageDirectory: '../../coverage/apps/department-shell',
};
