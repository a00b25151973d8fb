import { findVariables } from './interpolation';
import { checkVariables } from './variables';

const vars = (...values: string[]) => values.flatMap((v) => findVariables(v));
const messages = (p: { message: string }[]) => p.map((x) => x.message);

describe('checkVariables', () => {
  it('passes when every variable has a default or is documented with the same value', () => {
    const documented = new Map([
      ['PASSWORD', 'demo-only'],
      ['PORT', '8000'],
    ]);
    expect(
      checkVariables(
        vars('${PASSWORD:?set it}', '${PORT:-8000}', '${OPTIONAL:-}', '$${SHELL_VAR}'),
        documented,
      ),
    ).toEqual([]);
  });

  it('reports a variable with neither default nor documentation, once', () => {
    const problems = checkVariables(vars('${SECRET}', 'x${SECRET}', '${TOKEN:?required}'), new Map());
    expect(messages(problems)).toEqual([
      '${SECRET} has no default and is not documented in .env.example',
      '${TOKEN} has no default and is not documented in .env.example',
    ]);
  });

  it('reports defaults that disagree with each other or with the env file', () => {
    const problems = checkVariables(
      vars('${URL:-http://a}', '${URL:-http://b}', '${TAG:-local}'),
      new Map([
        ['TAG', 'latest'],
        ['URL', 'http://a'],
      ]),
    );
    expect(messages(problems)).toEqual([
      '${URL} has different defaults: "http://a", "http://b"',
      'TAG=latest differs from its default in compose.yaml (local)',
    ]);
  });

  it('reports documented variables the compose file never uses', () => {
    expect(
      messages(
        checkVariables(
          vars('${A:-1}'),
          new Map([
            ['A', '1'],
            ['STALE', 'x'],
          ]),
        ),
      ),
    ).toEqual(['STALE is documented but compose.yaml never uses it']);
  });
});
