import { findVariables, interpolate, InterpolationError, parseEnvFile } from './interpolation';

describe('findVariables', () => {
  it('finds braced, defaulted, required and bare variables', () => {
    expect(
      findVariables('${A} ${B:-x} ${C-y} ${D:?msg} $E').map((v) => [v.name, v.operator, v.argument]),
    ).toEqual([
      ['A', '', ''],
      ['B', ':-', 'x'],
      ['C', '-', 'y'],
      ['D', ':?', 'msg'],
      ['E', '', ''],
    ]);
  });

  it('looks inside defaults', () => {
    expect(findVariables('${ISSUER:-${PUBLIC_URL:-http://x}/realms/a}').map((v) => v.name)).toEqual([
      'ISSUER',
      'PUBLIC_URL',
    ]);
  });

  it('ignores $$-escaped text meant for the container shell', () => {
    expect(findVariables('pg_isready -U "$${POSTGRES_USER}" $$HOME')).toEqual([]);
  });

  it('rejects malformed references', () => {
    expect(() => findVariables('${1BAD}')).toThrow(InterpolationError);
    expect(() => findVariables('${OPEN')).toThrow(InterpolationError);
  });
});

describe('interpolate', () => {
  const env = { SET: 'v', EMPTY: '' };

  it('applies compose semantics for unset and empty values', () => {
    expect(interpolate('${SET:-d} ${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d}', env).value).toBe(
      'v d d  d',
    );
    expect(interpolate('${SET:+alt}|${EMPTY:+alt}|${EMPTY+alt}', env).value).toBe('alt||alt');
    expect(interpolate('$$SET', env).value).toBe('$SET');
  });

  it('reports required and plain variables that are missing', () => {
    expect(interpolate('${UNSET:?set it} ${EMPTY:?x} ${NOPE} ${SET}', env).missing).toEqual([
      'UNSET',
      'EMPTY',
      'NOPE',
    ]);
  });
});

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines, skipping comments and stripping quotes', () => {
    const vars = parseEnvFile(
      '# comment\n\nA=1\nexport B="two words"\nC=\'x\'\nD=plain # trailing\nnot a line\n',
    );
    expect([...vars]).toEqual([
      ['A', '1'],
      ['B', 'two words'],
      ['C', 'x'],
      ['D', 'plain'],
    ]);
  });
});
