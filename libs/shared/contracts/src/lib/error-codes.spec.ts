import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ERROR_CODES, ErrorCode, isErrorCode } from './error-codes';

/**
 * Keeps ErrorCode honest: the API's source (libs/api, apps/api) is scanned for quoted code literals
 * ('PREFIX.SOME_CODE'); every one must be listed, and every listed code must be emitted somewhere.
 * Specs are skipped (they may hold codes on purpose, e.g. to prove an unknown one is refused).
 */
const ROOT = resolve(__dirname, '../../../../..');
const SCANNED = ['libs/api', 'apps/api/src'];
const CODE_LITERAL = /(['"])([A-Z]{2,})\.([A-Z][A-Z0-9_]*)\1/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !/\.spec\.ts$/.test(e.name) ? [path] : [];
  });
}

/** code → the files that name it. */
function codesInApiSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of SCANNED.flatMap((d) => sourceFiles(resolve(ROOT, d)))) {
    for (const m of readFileSync(file, 'utf8').matchAll(CODE_LITERAL)) {
      const code = `${m[2]}.${m[3]}`;
      found.set(code, [...(found.get(code) ?? []), relative(ROOT, file)]);
    }
  }
  return found;
}

describe('ErrorCode', () => {
  const emitted = codesInApiSource();

  it('finds the API source (the scan is not silently empty)', () => {
    expect(emitted.size).toBeGreaterThan(20);
  });

  it('lists every code the API emits', () => {
    const missing = [...emitted.entries()].filter(([code]) => !isErrorCode(code)).map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('lists no code the API never emits', () => {
    expect(ERROR_CODES.filter((code) => !emitted.has(code))).toEqual([]);
  });

  it('has each code once, under one name', () => {
    expect(new Set(ERROR_CODES).size).toBe(Object.keys(ErrorCode).length);
  });
});
