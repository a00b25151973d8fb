import fc from 'fast-check';
import {
  formatIndicatorTargetVi,
  parseIndicatorTarget,
  type Comparator,
  type IndicatorTarget,
} from '../index';
import { formatVietnameseNumber, readVietnameseNumber } from './indicator-target';
import { INDICATOR_TARGET_TABLE, RULE_TABLE, SEED_DOCUMENT_TABLE } from './indicator-target.table';

/** The same target with every `text` blanked: what a re-parse of the rendering must give back. */
function meaning(t: IndicatorTarget): unknown {
  if (t.kind === 'multi')
    return { ...t, text: '', parts: t.parts.map((p) => ({ label: p.label, target: meaning(p.target) })) };
  return { ...t, text: '' };
}

/** Checks the invariants every result must hold, recursively. */
function checkInvariants(t: IndicatorTarget, input: string): void {
  expect(t.text).toBe(input);
  checkShape(t);
}
function checkShape(t: IndicatorTarget): void {
  switch (t.kind) {
    case 'unknown':
      expect(t.reason.trim().length).toBeGreaterThan(0);
      expect(formatIndicatorTargetVi(t)).toBe(t.text);
      break;
    case 'range':
      expect(t.min).toBeLessThanOrEqual(t.max);
      expect(Number.isFinite(t.min) && Number.isFinite(t.max)).toBe(true);
      break;
    case 'value':
      expect(Number.isFinite(t.value)).toBe(true);
      break;
    case 'rank':
      expect(Number.isInteger(t.top) && t.top >= 1).toBe(true);
      break;
    case 'multi':
      expect(t.parts.length).toBeGreaterThan(0);
      for (const p of t.parts) {
        expect(p.label).toBe(p.label.trim());
        expect(p.label.length).toBeGreaterThan(0);
        expect(p.target.kind).not.toBe('unknown');
        expect(p.target.kind).not.toBe('multi');
        checkShape(p.target);
      }
      break;
  }
}

describe('parseIndicatorTarget — the table from the seed documents and the rules', () => {
  it('holds all 61 target cells of the two indicator appendices', () => {
    expect(SEED_DOCUMENT_TABLE).toHaveLength(61);
    expect(SEED_DOCUMENT_TABLE.filter(([, , src]) => src.startsWith('hanoi-402'))).toHaveLength(47);
    expect(SEED_DOCUMENT_TABLE.filter(([, , src]) => src.startsWith('hanoi-138'))).toHaveLength(14);
    expect(new Set(SEED_DOCUMENT_TABLE.map(([, , src]) => src)).size).toBe(61);
  });

  it('has distinct rule forms', () => {
    const texts = RULE_TABLE.map(([text]) => text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(SEED_DOCUMENT_TABLE)('seed document cell %j', (text, expected) => {
    expect(parseIndicatorTarget(text)).toEqual(expected);
  });

  it.each(RULE_TABLE)('rule form %j', (text, expected) => {
    expect(parseIndicatorTarget(text)).toEqual(expected);
  });

  it('keeps every invariant on every table row', () => {
    for (const [text] of INDICATOR_TARGET_TABLE) checkInvariants(parseIndicatorTarget(text), text);
  });

  it('re-parses the rendering of every understood form to the same meaning', () => {
    for (const [text, expected] of INDICATOR_TARGET_TABLE) {
      if (expected.kind === 'unknown') continue;
      const again = parseIndicatorTarget(formatIndicatorTargetVi(expected));
      expect({ text, again: meaning(again) }).toEqual({ text, again: meaning(expected) });
    }
  });
});

describe('formatIndicatorTargetVi', () => {
  const f = (text: string) => formatIndicatorTargetVi(parseIndicatorTarget(text));
  it.each([
    ['95%', '95%'],
    ['90', '90'],
    ['7,5%', '7,5%'],
    ['Trên 50%', '> 50%'],
    ['>= 80%', '≥ 80%'],
    ['Tối thiểu 20%', '≥ 20%'],
    ['Từ 50% trở lên', '≥ 50%'],
    ['Dưới 5%', '< 5%'],
    ['Không quá 10%', '≤ 10%'],
    ['~30%', 'Khoảng 30%'],
    ['Xấp xỉ 30%', 'Khoảng 30%'],
    ['7-7,5%', '7% – 7,5%'],
    ['Từ 7% đến 7,5%', '7% – 7,5%'],
    ['100 - 200 người', '100 – 200 người'],
    ['Top 5', 'Tốp 5'],
    ['Nằm trong nhóm 10 địa phương dẫn đầu', 'Tốp 10'],
    ['01 sàn', '1 sàn'],
    ['500.000 người', '500.000 người'],
    [
      '- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 80%',
      'Các sở, ban, ngành: 100%; Cấp huyện: 100%; Cấp xã: 80%',
    ],
    ['TP: 70% H: 60% X: 50%', 'TP: 70%; H: 60%; X: 50%'],
    ['Hoàn thành', 'Hoàn thành'],
    ['45% 60%', '45% 60%'],
  ])('%j → %j', (text, expected) => expect(f(text)).toBe(expected));
});

describe('Vietnamese numbers', () => {
  it.each([
    ['7,5', 7.5],
    ['500.000', 500000],
    ['1.234.567,89', 1234567.89],
    ['01', 1],
    ['7.5', 7.5],
    ['7.25', 7.25],
    ['1234.567', null],
    ['1.2.3', null],
    ['1,2,3', null],
  ])('%j → %p', (s, n) => expect(readVietnameseNumber(s)).toBe(n));

  it('format and read are inverse on non-negative numbers with up to 3 decimals', () => {
    const num = fc
      .tuple(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 999 }))
      .map(([i, d]) => Number(`${i}.${String(d).padStart(3, '0')}`));
    fc.assert(fc.property(num, (n) => expect(readVietnameseNumber(formatVietnameseNumber(n))).toBe(n)));
  });
});

describe('properties', () => {
  /** A non-negative number as written in a plan: integer, or with a decimal comma. */
  const amount = fc.oneof(
    fc.integer({ min: 0, max: 100_000_000 }),
    fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 99 }))
      .map(([i, d]) => Number(`${i}.${d}`)),
  );
  const vn = formatVietnameseNumber;
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

  it('"N%" is the value N %', () => {
    fc.assert(
      fc.property(amount, pick('', ' '), (n, sp) => {
        const text = `${vn(n)}${sp}%`;
        expect(parseIndicatorTarget(text)).toEqual({
          kind: 'value',
          comparator: '=',
          value: n,
          unit: '%',
          text,
        });
      }),
    );
  });

  it('"<comparator word> N%" has the comparator of the word, any case, with or without diacritics', () => {
    const words: [string, Comparator][] = [
      ['Trên', '>'],
      ['Hơn', '>'],
      ['>', '>'],
      ['Tối thiểu', '>='],
      ['Ít nhất', '>='],
      ['Không dưới', '>='],
      ['≥', '>='],
      ['>=', '>='],
      ['Dưới', '<'],
      ['<', '<'],
      ['Tối đa', '<='],
      ['Không quá', '<='],
      ['≤', '<='],
      ['Khoảng', '~'],
      ['Xấp xỉ', '~'],
      ['~', '~'],
    ];
    const strip = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D');
    fc.assert(
      fc.property(
        pick(...words),
        amount,
        pick('upper', 'lower', 'plain', 'stripped'),
        ([word, cmp], n, style) => {
          const w =
            style === 'upper'
              ? word.toUpperCase()
              : style === 'lower'
                ? word.toLowerCase()
                : style === 'stripped'
                  ? strip(word)
                  : word;
          const text = `${w} ${vn(n)}%`;
          expect(parseIndicatorTarget(text)).toEqual({
            kind: 'value',
            comparator: cmp,
            value: n,
            unit: '%',
            text,
          });
        },
      ),
    );
  });

  it('"A% - B%" is the range A..B when A ≤ B, and unknown when A > B', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        pick('-', '–', ' - ', ' – ', ' đến '),
        pick(true, false),
        (a, b, dash, bothUnits) => {
          const text = `${vn(a)}${bothUnits ? '%' : ''}${dash}${vn(b)}%`;
          const t = parseIndicatorTarget(text);
          if (a <= b) expect(t).toEqual({ kind: 'range', min: a, max: b, unit: '%', text });
          else expect(t).toMatchObject({ kind: 'unknown', text });
        },
      ),
    );
  });

  it('"Tốp N" is rank N', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        pick('Tốp', 'Top', 'tốp', 'TOP', 'Trong tốp', 'Duy trì tốp'),
        (n, w) => {
          const text = `${w} ${n}`;
          expect(parseIndicatorTarget(text)).toEqual({ kind: 'rank', top: n, text });
        },
      ),
    );
  });

  it('labelled parts are read part by part, labels kept as written', () => {
    const label = pick(
      'Các sở, ban, ngành',
      'Cấp huyện',
      'Cấp xã',
      'TP',
      'UBND các quận, huyện',
      'Thành phố',
    );
    const target = fc.oneof(
      amount.map((n) => [`${vn(n)}%`, { kind: 'value', comparator: '=', value: n, unit: '%' }] as const),
      amount.map((n) => [`trên ${vn(n)}%`, { kind: 'value', comparator: '>', value: n, unit: '%' }] as const),
      fc.integer({ min: 1, max: 99 }).map((n) => [`Tốp ${n}`, { kind: 'rank', top: n }] as const),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, target), { minLength: 2, maxLength: 4 }),
        pick('; ', ';\n', '\n', '; - '),
        (parts, sep) => {
          const text = parts.map(([l, [t]]) => `${l}: ${t}`).join(sep);
          expect(parseIndicatorTarget(text)).toEqual({
            kind: 'multi',
            parts: parts.map(([l, [t, m]]) => ({ label: l, target: { ...m, text: t } })),
            text,
          });
        },
      ),
    );
  });

  it('two unlabelled numbers are never guessed', () => {
    fc.assert(
      fc.property(amount, amount, pick(' ', '  ', ' và ', ', ', '; '), (a, b, sep) => {
        const text = `${vn(a)}%${sep}${vn(b)}%`;
        expect(parseIndicatorTarget(text)).toMatchObject({ kind: 'unknown', text });
      }),
    );
  });

  it('never throws; text is preserved; unknown has a reason; ranges are ordered; parts are understood', () => {
    const vietnamese = pick(
      'Trên',
      'trên',
      'Hơn',
      'Tối thiểu',
      'Ít nhất',
      'Từ',
      'từ',
      'trở lên',
      'trở xuống',
      'Không dưới',
      'Không quá',
      'Dưới',
      'Tối đa',
      'Khoảng',
      'Xấp xỉ',
      'đến',
      'Tốp',
      'Top',
      'Trong',
      'nhóm',
      'dẫn đầu',
      'Đạt',
      'Phấn đấu',
      'Duy trì',
      'Cấp xã',
      'Các sở, ban, ngành',
      'TP',
      'người',
      'sàn',
      'triệu đồng',
      'Hoàn thành',
      '%',
      '>',
      '>=',
      '≥',
      '<',
      '≤',
      '~',
      '-',
      '–',
      ':',
      ';',
      ',',
      '.',
      '\n',
      ' ',
      '0',
      '5',
      '7',
      '7,5',
      '85',
      '100',
      '500.000',
      '1.2.3',
      '1234.567',
      '\u00A0',
      '\uD800',
      'İ',
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.array(vietnamese, { maxLength: 8 }).map((xs) => xs.join(' ')),
      fc.array(vietnamese, { maxLength: 8 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        const t = parseIndicatorTarget(s);
        checkInvariants(t, s);
      }),
      { numRuns: 3000 },
    );
  });

  it('format ∘ parse is stable: the rendering re-parses to the same meaning and renders the same', () => {
    const unit = pick<string | null>('%', null, 'người', 'triệu đồng');
    const target: fc.Arbitrary<IndicatorTarget> = fc.oneof(
      fc
        .tuple(pick<Comparator>('=', '>', '>=', '<', '<=', '~'), amount, unit)
        .map(([comparator, value, u]) => ({ kind: 'value' as const, comparator, value, unit: u, text: '' })),
      fc.tuple(amount, amount, unit).map(([a, b, u]) => ({
        kind: 'range' as const,
        min: Math.min(a, b),
        max: Math.max(a, b),
        unit: u,
        text: '',
      })),
      fc.integer({ min: 1, max: 1000 }).map((top) => ({ kind: 'rank' as const, top, text: '' })),
    );
    fc.assert(
      fc.property(target, (t) => {
        const text = formatIndicatorTargetVi(t);
        const again = parseIndicatorTarget(text);
        expect(meaning(again)).toEqual(meaning(t));
        expect(formatIndicatorTargetVi(again)).toBe(text);
      }),
    );
  });
});
