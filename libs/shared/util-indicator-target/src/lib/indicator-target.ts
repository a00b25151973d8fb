/**
 * Reads an indicator's yearly target as written in a plan ("95%", "> 85%", "Trên 50%", "Khoảng 30%",
 * "7% - 7,5%", "Tốp 5", "- Các sở, ban, ngành: 100%; - Cấp xã: 90%") into a comparator and value(s).
 * Pure TypeScript. Anything not understood with certainty is `unknown`, keeps the text and a reason.
 *
 * Numbers are read the Vietnamese way: "," is the decimal mark ("7,5" = 7.5) and "." groups
 * thousands ("500.000" = 500000). A dot that cannot be a thousands separator ("7.5") is read as a
 * decimal mark; anything else ambiguous ("1234.567", "1.2.3,4,5") makes the target unknown.
 */
import { foldVietnameseAligned } from '@dieu-hanh/shared/util-text';

export type Comparator = '=' | '>' | '>=' | '<' | '<=' | '~';

export type IndicatorTarget =
  | { kind: 'value'; comparator: Comparator; value: number; unit: string | null; text: string }
  | { kind: 'range'; min: number; max: number; unit: string | null; text: string }
  | { kind: 'rank'; top: number; text: string }
  | { kind: 'multi'; parts: { label: string; target: IndicatorTarget }[]; text: string }
  | { kind: 'unknown'; text: string; reason: string };

// ---------------------------------------------------------------------------------------------
// Text normalization

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;

/** Folds one UTF-16 code unit to one lowercase, diacritic-free code unit (so indexes stay aligned). */
/** Dashes of every width read as "-"; everything else folds like search does, one code unit each. */
function fold(s: string): string {
  return foldVietnameseAligned(s.replace(new RegExp(DASHES.source, 'g'), '-'));
}

/** NFC, line breaks become part separators, single spaces, no trailing full stop; spelling kept. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s*[\r\n]+\s*/g, '; ')
    .replace(/[\s\u00A0\u200B\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .trim()
    .replace(/^(?:;\s*)+/, '')
    .replace(/^[-+*•]\s+/, '')
    .replace(/[\s.;,]+$/, '')
    .trim();
}

/** A working string: `o` keeps the original spelling, `f` is folded for matching (same length). */
interface Work {
  o: string;
  f: string;
}

const work = (o: string): Work => ({ o, f: fold(o) });
const slice = (w: Work, start: number, end?: number): Work => ({
  o: w.o.slice(start, end),
  f: w.f.slice(start, end),
});

function trimWork(w: Work): Work {
  const start = w.o.length - w.o.trimStart().length;
  const end = w.o.trimEnd().length;
  return start >= end ? work('') : slice(w, start, end);
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A run of digits, dots and commas; validated by `readNumber`. */
const NUM = String.raw`\d(?:[\d.,]*\d)?`;
const NUMBER_TOKENS = new RegExp(NUM, 'g');

/** "7,5" → 7.5; "500.000" → 500000; "1.234.567,89" → 1234567.89; "7.5" → 7.5; otherwise null. */
export function readVietnameseNumber(s: string): number | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)(?:,(\d+))?$/.exec(s))) return Number(`${m[1]}.${m[2] ?? '0'}`);
  if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(s)))
    return Number(`${m[1].replace(/\./g, '')}.${m[2] ?? '0'}`);
  // a dot that cannot group thousands (not exactly three digits after it) is a decimal mark
  if ((m = /^(\d+)\.(\d{1,2}|\d{4,})$/.exec(s))) return Number(`${m[1]}.${m[2]}`);
  return null;
}

/** 500000 → "500.000"; 7.5 → "7,5" (Vietnamese marks). */
export function formatVietnameseNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  if (/e/i.test(int)) return sign + int;
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return sign + grouped + (frac ? `,${frac}` : '');
}

// ---------------------------------------------------------------------------------------------
// One target (no label)

type Single = IndicatorTarget | { error: string } | null;

const COMPARATOR_WORDS: [RegExp, Comparator | 'from'][] = [
  // longest first; symbols
  [/^(?:>=|≥|⩾)/, '>='],
  [/^(?:<=|≤|⩽)/, '<='],
  [/^(?:~|≈|∼)/, '~'],
  [/^>/, '>'],
  [/^</, '<'],
  [/^=/, '='],
  // words (folded: lowercase, no diacritics)
  [/^(?:khong (?:duoi|thap hon|it hon|nho hon)|toi thieu|it nhat|thap nhat)(?=\s|\d|$)/, '>='],
  [/^(?:khong (?:qua|vuot qua|tren|cao hon|lon hon|nhieu hon)|toi da|nhieu nhat|cao nhat)(?=\s|\d|$)/, '<='],
  [/^(?:tren|hon|lon hon|cao hon|nhieu hon)(?=\s|\d|$)/, '>'],
  [/^(?:duoi|it hon|thap hon|nho hon)(?=\s|\d|$)/, '<'],
  [/^(?:khoang|vao khoang|xap xi|uoc (?:dat|tinh|khoang))(?=\s|\d|$)/, '~'],
  [/^tu(?=\s|\d|$)/, 'from'],
];

/** Words that may open a target without changing it: "Đạt 100%", "Phấn đấu đạt trên 90%", "Duy trì tốp 5". */
const FILLER = /^(?:phan dau|duy tri|dat|o muc|muc|bang)\s+/;

/** "trở lên" (or more), "trở xuống" / "trở lại" (or less) after the number. */
const SUFFIX = /\s+tro (len|xuong|lai)$/;

/** After the number: "%" or a short unit written in words ("sàn", "người", "triệu đồng", "lượt/năm"). */
const UNIT = String.raw`%|[\p{L}][\p{L}/]*(?: [\p{L}][\p{L}/]*){0,4}`;

const RANK_TOP =
  /^(?:vi tri )?(?:(?:nam|xep|dung) )?(?:(?:o )?trong )?(?:nhom )?top ?(\d+)(?: (?:ca nuoc|toan quoc|dan dau(?: ca nuoc)?|cac tinh, thanh pho|tinh, thanh pho))?$/;
const RANK_GROUP =
  /^(?:vi tri )?(?:(?:nam|xep|dung) )?(?:(?:o )?trong )?nhom (\d+) (?:[\p{L} ,]+ )?dan dau(?: ca nuoc| toan quoc)?$/u;
/** `d`: match indices, to take the unit's original spelling from the same place (no `g`: no state). */
const RANGE = new RegExp(
  String.raw`^(tu ?)?(${NUM}) ?(${UNIT})? ?(?:-|den|toi) ?(${NUM}) ?(${UNIT})?$`,
  'du',
);
const VALUE = new RegExp(String.raw`^(${NUM}) ?(${UNIT})?$`, 'du');
type Indexed = RegExpExecArray & { indices: ([number, number] | undefined)[] };

function unitOf(w: Work, index: number | undefined, written: string | undefined): string | null {
  if (written === undefined || index === undefined) return null;
  return written === '%' ? '%' : w.o.slice(index, index + written.length);
}

/** Parses one whole target, no label; `w` cleaned. Null when the form is not recognised at all. */
function parseSingle(w0: Work, text: string): Single {
  let w = trimWork(w0);
  let m: RegExpExecArray | null;

  // "Đạt ...", "Phấn đấu đạt ...", "Duy trì ..." change nothing
  while ((m = FILLER.exec(w.f))) w = slice(w, m[0].length);

  // Rank: "Tốp 5", "Top 5", "Trong tốp 10", "Nằm trong nhóm 10 địa phương dẫn đầu"
  if ((m = RANK_TOP.exec(w.f) ?? RANK_GROUP.exec(w.f))) {
    const top = readVietnameseNumber(m[1]);
    if (top === null || !Number.isInteger(top) || top < 1)
      return { error: `rank "${m[1]}" is not a whole number ≥ 1` };
    return { kind: 'rank', top, text };
  }

  // "... trở lên" / "... trở xuống"
  let suffix: Comparator | null = null;
  if ((m = SUFFIX.exec(w.f))) {
    suffix = m[1] === 'len' ? '>=' : '<=';
    w = slice(w, 0, m.index);
  }

  // Range: "7% - 7,5%", "7-7,5%", "Từ 7% đến 7,5%"
  const range = RANGE.exec(w.f) as Indexed | null;
  if (range) {
    if (suffix) return { error: 'a range cannot also be open-ended ("trở lên"/"trở xuống")' };
    const min = readVietnameseNumber(range[2]);
    const max = readVietnameseNumber(range[4]);
    if (min === null || max === null)
      return { error: `ambiguous number "${min === null ? range[2] : range[4]}"` };
    const u1 = unitOf(w, range.indices[3]?.[0], range[3]);
    const u2 = unitOf(w, range.indices[5]?.[0], range[5]);
    if (u1 !== null && u2 !== null && fold(u1) !== fold(u2))
      return { error: `range bounds have different units ("${u1}", "${u2}")` };
    if (min > max) return { error: `range bounds reversed (${range[2]} > ${range[4]})` };
    return { kind: 'range', min, max, unit: u2 ?? u1, text };
  }

  // Comparator, number, unit
  let comparator: Comparator | 'from' | null = null;
  for (const [re, c] of COMPARATOR_WORDS) {
    if ((m = re.exec(w.f))) {
      comparator = c;
      w = trimWork(slice(w, m[0].length));
      break;
    }
  }
  const value = VALUE.exec(w.f) as Indexed | null;
  if (!value) return null;
  const n = readVietnameseNumber(value[1]);
  if (n === null) return { error: `ambiguous number "${value[1]}"` };
  const unit = unitOf(w, value.indices[2]?.[0], value[2]);

  if (comparator === 'from' && !suffix) return { error: '"từ" without "trở lên" or an upper bound' };
  if (suffix) {
    if (comparator !== null && comparator !== 'from' && comparator !== suffix)
      return { error: `"${comparator}" contradicts "trở ${suffix === '>=' ? 'lên' : 'xuống'}"` };
    comparator = suffix;
  }
  return { kind: 'value', comparator: (comparator ?? '=') as Comparator, value: n, unit, text };
}

// ---------------------------------------------------------------------------------------------
// Several labelled targets

interface Piece {
  start: number;
  end: number;
}

/** Splits at ";" and at "," (not a decimal comma), and before a "Label:" that follows a "%". */
function splitPieces(w: Work): Piece[] {
  const cuts: Piece[] = [];
  const sep = /\s*(?:;\s*)+|\s*,(?!\d)\s*|(?<=%)\s+(?!tro )(?=[^\d:;,%]{1,40}:)/gu;
  let m: RegExpExecArray | null;
  while ((m = sep.exec(w.f))) {
    if (m[0].length === 0) {
      sep.lastIndex++;
      continue;
    }
    cuts.push({ start: m.index, end: m.index + m[0].length });
  }
  const pieces: Piece[] = [];
  let from = 0;
  for (const c of cuts) {
    pieces.push({ start: from, end: c.start });
    from = c.end;
  }
  pieces.push({ start: from, end: w.f.length });

  // a piece without a number is part of a label ("Các sở, ban, ngành: 100%"): join it to the next
  const hasDigit = (p: Piece) => /\d/.test(w.f.slice(p.start, p.end));
  const merged: Piece[] = [];
  let pending: number | null = null;
  for (const p of pieces) {
    if (!hasDigit(p)) {
      pending ??= p.start;
      continue;
    }
    merged.push({ start: pending ?? p.start, end: p.end });
    pending = null;
  }
  if (pending !== null) {
    if (merged.length) merged[merged.length - 1].end = w.f.length;
    else merged.push({ start: pending, end: w.f.length });
  }
  return merged;
}

type Part = { label: string; target: IndicatorTarget; colon: boolean } | { error: string };

/** "Các sở, ban, ngành: 100%", "cấp xã trên 80%", "TP: 70%": the label, then the longest suffix that is a target. */
function parsePart(w0: Work): Part {
  const w = trimWork(slice(w0, /^(?:[-+*•]\s*)*/.exec(w0.f)?.[0].length ?? 0));
  for (let i = 0; i < w.f.length; i++) {
    if (i > 0 && (!/[\s:]/.test(w.f[i - 1]) || /[\s:]/.test(w.f[i]))) continue;
    const rest = trimWork(slice(w, i));
    const target = parseSingle(rest, rest.o);
    if (target === null) continue;
    // the leftmost recognised form is the target: an error there is not skipped over
    if ('error' in target) return target;
    if (i === 0) return { error: 'a part has no label' };
    const rawLabel = w.o.slice(0, i);
    const colon = /:\s*$/.test(rawLabel);
    const label = rawLabel.replace(/[\s:\-–—]+$/, '').trim();
    if (!/\p{L}/u.test(label)) return { error: 'a part has no label' };
    if (/\d/.test(label)) return { error: `label "${label}" contains a number` };
    return { label, target, colon };
  }
  return { error: `"${w.o}" is not a recognised target` };
}

// ---------------------------------------------------------------------------------------------

const unknown = (text: string, reason: string): IndicatorTarget => ({ kind: 'unknown', text, reason });

/**
 * "95%" → value = 95 %; "Trên 50%" → value > 50 %; "7% - 7,5%" → range; "Tốp 5" → rank;
 * "- Các sở, ban, ngành: 100%; - Cấp xã: 80%" → multi; prose, "Hoàn thành", "" → unknown.
 * Never throws; `text` is always the input as given.
 */
export function parseIndicatorTarget(text: string): IndicatorTarget {
  const cleaned = clean(text);
  if (cleaned === '') return unknown(text, 'empty cell (no target written)');
  const w = work(cleaned);

  const whole = parseSingle(w, text);
  if (whole !== null && !('error' in whole)) return whole;
  if (whole !== null) return unknown(text, whole.error);

  const numbers = w.f.match(NUMBER_TOKENS) ?? [];
  if (numbers.length === 0) return unknown(text, 'qualitative target (no number to compare)');

  const pieces = splitPieces(w);
  const parts = pieces.map((p) => parsePart(slice(w, p.start, p.end)));
  const failed = parts.find((p): p is { error: string } => 'error' in p);
  if (!failed) {
    const ok = parts as Exclude<Part, { error: string }>[];
    // a single labelled target needs a colon ("Cấp xã: 80%"); "Phấn đấu 80%" stays unknown
    if (ok.length > 1 || ok[0].colon) {
      return { kind: 'multi', parts: ok.map(({ label, target }) => ({ label, target })), text };
    }
  }
  if (numbers.length > 1) {
    return unknown(
      text,
      pieces.length > 1 && failed
        ? `several parts, one not understood: ${failed.error}`
        : 'several numbers that cannot be attributed to labels',
    );
  }
  return unknown(text, 'not a recognised target form');
}

// ---------------------------------------------------------------------------------------------
// Rendering

const SYMBOL: Record<Comparator, string> = {
  '=': '',
  '>': '> ',
  '>=': '≥ ',
  '<': '< ',
  '<=': '≤ ',
  '~': 'Khoảng ',
};

function withUnit(n: number, unit: string | null): string {
  const num = formatVietnameseNumber(n);
  if (unit === null) return num;
  return unit === '%' ? `${num}%` : `${num} ${unit}`;
}

/** A parsed target back in Vietnamese: "≥ 80%", "Khoảng 30%", "Tốp 5", "7% – 7,5%"; unknown → its text. */
export function formatIndicatorTargetVi(target: IndicatorTarget): string {
  switch (target.kind) {
    case 'value':
      return SYMBOL[target.comparator] + withUnit(target.value, target.unit);
    case 'range': {
      if (target.unit === '%') return `${withUnit(target.min, '%')} – ${withUnit(target.max, '%')}`;
      return `${formatVietnameseNumber(target.min)} – ${withUnit(target.max, target.unit)}`;
    }
    case 'rank':
      return `Tốp ${target.top}`;
    case 'multi':
      return target.parts.map((p) => `${p.label}: ${formatIndicatorTargetVi(p.target)}`).join('; ');
    case 'unknown':
      return target.text;
  }
}
