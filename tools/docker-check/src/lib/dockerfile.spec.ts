import { writeTree } from '../testing/write-tree';
import {
  checkDockerfile,
  copyInstructions,
  hasHealthcheck,
  matchSource,
  parseDockerfile,
} from './dockerfile';
import { parseDockerignore } from './dockerignore';

const messages = (p: { message: string }[]) => p.map((x) => x.message);

describe('parseDockerfile / copyInstructions', () => {
  it('joins continuation lines and reads COPY flags and JSON form', () => {
    const ins = parseDockerfile(
      '# syntax=docker/dockerfile:1.7\nFROM node:20 AS build\nRUN a \\\n  && b\n\nCOPY --chown=node:node --from=build /repo/dist ./\nCOPY ["package.json", "package-lock.json", "./"]\n',
    );
    expect(ins.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 2],
      ['RUN', 3],
      ['COPY', 6],
      ['COPY', 7],
    ]);
    expect(ins[1].args).toBe('a && b');
    expect(copyInstructions(ins)).toEqual([
      { keyword: 'COPY', line: 6, from: 'build', sources: ['/repo/dist'], destination: './' },
      {
        keyword: 'COPY',
        line: 7,
        from: undefined,
        sources: ['package.json', 'package-lock.json'],
        destination: './',
      },
    ]);
  });

  it('knows whether the final stage has a HEALTHCHECK', () => {
    expect(hasHealthcheck('FROM a\nHEALTHCHECK CMD true\nFROM b\nUSER node\n')).toBe(false);
    expect(hasHealthcheck('FROM a\nFROM b\nHEALTHCHECK --interval=5s CMD true\n')).toBe(true);
    expect(hasHealthcheck('FROM b\nHEALTHCHECK NONE\n')).toBe(false);
  });
});

describe('checkDockerfile', () => {
  const tree = writeTree({
    'package.json': '{}',
    'package-lock.json': '{}',
    'seeds/identity/realms.json': '{}',
    'apps/api/main.ts': '',
    'node_modules/x/index.js': '',
  });
  afterAll(() => tree.cleanup());
  const check = (text: string, ignore = '') =>
    checkDockerfile(text, { file: 'x.Dockerfile', contextDir: tree.root, ignore: parseDockerignore(ignore) });

  it('accepts a multi-stage file whose sources exist and that ends as a non-root user', () => {
    const text = [
      'FROM node:20 AS build',
      'COPY package*.json ./',
      'COPY . .',
      'RUN npm install && npx nx build api',
      'FROM node:20',
      'COPY --from=build /repo/dist/apps/api ./',
      'COPY seeds/ ./seeds/',
      'COPY dist/apps/api/main.js ./',
      'USER node',
    ].join('\n');
    expect(check(text, '**/node_modules')).toEqual([]);
  });

  it('reports a COPY source missing from the build context', () => {
    expect(messages(check('FROM a\nCOPY seeds/missing.json nope.txt ./\nUSER node\n'))).toEqual([
      'line 2: COPY source seeds/missing.json does not exist in the build context',
      'line 2: COPY source nope.txt does not exist in the build context',
    ]);
  });

  it('reports a glob that matches nothing', () => {
    expect(messages(check('FROM a\nCOPY yarn*.lock ./\nUSER node\n'))).toEqual([
      'line 2: COPY source yarn*.lock does not exist in the build context',
    ]);
  });

  it('reports a source the dockerignore file removes from the context', () => {
    expect(
      messages(check('FROM a\nCOPY seeds ./seeds\nCOPY dist/apps/api ./\nUSER node\n', 'seeds\ndist\n')),
    ).toEqual([
      'line 2: COPY source seeds is excluded by the dockerignore file',
      'line 3: COPY source dist/apps/api is excluded by the dockerignore file',
    ]);
  });

  it('reports --from= naming no earlier stage, npm ci, and a root final stage', () => {
    const text =
      'FROM a AS build\nRUN npm ci\nFROM b\nCOPY --from=bulid /x /y\nCOPY --from=node:20 /usr/local/bin/node /n\n';
    expect(messages(check(text))).toEqual([
      "line 2: `npm ci` fails on this workspace's Nx lock file; use `npm install`",
      'line 4: --from=bulid is not an earlier stage',
      'the final stage runs as root: add a USER instruction',
    ]);
    expect(messages(check('FROM a\nUSER root\n'))).toEqual([
      'the final stage runs as root: add a USER instruction',
    ]);
    expect(messages(check('RUN true\n'))).toEqual(['no FROM instruction']);
  });

  it('matches globbed sources segment by segment', () => {
    expect(
      matchSource(tree.root, 'package*.json')
        .map((p) => p.slice(tree.root.length + 1))
        .sort(),
    ).toEqual(['package-lock.json', 'package.json']);
    expect(matchSource(tree.root, 'seeds/*/realms.json')).toHaveLength(1);
    expect(matchSource(tree.root, '.')).toEqual([tree.root]);
  });
});
