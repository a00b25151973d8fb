import { isIgnored, parseDockerignore } from './dockerignore';

describe('dockerignore', () => {
  const rules = parseDockerignore(
    '# c\n.git\n**/node_modules\ndist\n/tmp/\n**/.env.*\n!**/.env.example\ndocker\n*.log\n',
  );

  it.each([
    ['.git/config', true],
    ['node_modules/x/index.js', true],
    ['libs/a/node_modules/y', true],
    ['dist/apps/api/main.js', true],
    ['tmp/file', true],
    ['apps/api/.env.local', true],
    ['apps/api/.env.example', false],
    ['docker/compose.yaml', true],
    ['error.log', true],
    ['apps/api/error.log', false],
    ['apps/api/src/main.ts', false],
    ['package.json', false],
    ['.', false],
  ])('%s ignored: %s', (path, expected) => {
    expect(isIgnored(path, rules)).toBe(expected);
  });
});
