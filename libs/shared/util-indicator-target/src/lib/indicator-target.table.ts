import type { Comparator, IndicatorTarget } from './indicator-target';

/**
 * Every target cell of the indicator appendices in the seed documents (seeds/planning/sources/),
 * one row per cell, written exactly as extracted, with its hand-checked reading and where it came
 * from: hanoi-402-KH-UBND-2024 Phụ lục I (46 indicators, column "Năm 2025"; indicator 33 has two
 * rows) and hanoi-138-KH-UBND-2025 Phụ lục (7 indicators, columns "Năm 2025" and "Năm 2026").
 * Then the forms named by the brief and the variants the parser must tolerate or refuse.
 * Each row: [text, expected, source].
 */
export type IndicatorTargetTableRow = [text: string, expected: IndicatorTarget, source: string];

export const v = (
  text: string,
  comparator: Comparator,
  value: number,
  unit: string | null,
): IndicatorTarget => ({
  kind: 'value',
  comparator,
  value,
  unit,
  text,
});
export const range = (text: string, min: number, max: number, unit: string | null): IndicatorTarget => ({
  kind: 'range',
  min,
  max,
  unit,
  text,
});
export const rank = (text: string, top: number): IndicatorTarget => ({ kind: 'rank', top, text });
export const multi = (text: string, parts: [label: string, target: IndicatorTarget][]): IndicatorTarget => ({
  kind: 'multi',
  parts: parts.map(([label, target]) => ({ label, target })),
  text,
});
export const unknown = (text: string, reason: string): IndicatorTarget => ({ kind: 'unknown', text, reason });

const TWO_NUMBERS = 'several numbers that cannot be attributed to labels';
const NO_NUMBER = 'qualitative target (no number to compare)';
const NOT_A_TARGET = 'not a recognised target form';

/** The 61 target cells of the two indicator appendices, in document order. */
export const SEED_DOCUMENT_TABLE: IndicatorTargetTableRow[] = [
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 1, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 2, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 3, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 4, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 5, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 6, Năm 2025'],
  ['Trên 90%', v('Trên 90%', '>', 90, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 7, Năm 2025'],
  ['90%', v('90%', '=', 90, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 8, Năm 2025'],
  ['20%', v('20%', '=', 20, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 9, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 10, Năm 2025'],
  ['45% 60%', unknown('45% 60%', TWO_NUMBERS), 'hanoi-402 Phụ lục I, chỉ tiêu 11, Năm 2025'], // two sub-indicators ("- Tỷ lệ thanh toán …; - Tỷ lệ TTHC …") share one cell: which number is whose is not written
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 12, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 13, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 14, Năm 2025'],
  [
    '- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 80%',
    multi('- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 80%', [
      ['Các sở, ban, ngành', v('100%', '=', 100, '%')],
      ['Cấp huyện', v('100%', '=', 100, '%')],
      ['Cấp xã', v('80%', '=', 80, '%')],
    ]),
    'hanoi-402 Phụ lục I, chỉ tiêu 15, Năm 2025',
  ],
  [
    'TP: 70% H: 60% X: 50%',
    multi('TP: 70% H: 60% X: 50%', [
      ['TP', v('70%', '=', 70, '%')],
      ['H', v('60%', '=', 60, '%')],
      ['X', v('50%', '=', 50, '%')],
    ]),
    'hanoi-402 Phụ lục I, chỉ tiêu 16, Năm 2025',
  ], // TP = Thành phố, H = cấp huyện, X = cấp xã (labels kept as written)
  ['100% 100%', unknown('100% 100%', TWO_NUMBERS), 'hanoi-402 Phụ lục I, chỉ tiêu 17, Năm 2025'], // two sub-indicators in one cell, values not labelled
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 18, Năm 2025'],
  ['50%', v('50%', '=', 50, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 19, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 20, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 21, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 22, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 23, Năm 2025'],
  ['100% 100%', unknown('100% 100%', TWO_NUMBERS), 'hanoi-402 Phụ lục I, chỉ tiêu 24, Năm 2025'], // two sub-indicators in one cell, values not labelled
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 25, Năm 2025'],
  ['Khoảng 30%', v('Khoảng 30%', '~', 30, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 26, Năm 2025'],
  ['Tối thiểu 10%', v('Tối thiểu 10%', '>=', 10, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 27, Năm 2025'],
  ['7% - 7,5%', range('7% - 7,5%', 7, 7.5, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 28, Năm 2025'],
  ['Trên 10%', v('Trên 10%', '>', 10, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 29, Năm 2025'],
  ['Trên 80%', v('Trên 80%', '>', 80, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 30, Năm 2025'],
  ['Trên 50%', v('Trên 50%', '>', 50, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 31, Năm 2025'],
  ['Trên 2%', v('Trên 2%', '>', 2, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 32, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 33, Năm 2025'],
  ['80%', v('80%', '=', 80, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 33 (dòng 2), Năm 2025'],
  ['80%', v('80%', '=', 80, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 34, Năm 2025'],
  ['Trên 50%', v('Trên 50%', '>', 50, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 35, Năm 2025'],
  ['Trên 50%', v('Trên 50%', '>', 50, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 36, Năm 2025'],
  ['Trên 90%', v('Trên 90%', '>', 90, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 37, Năm 2025'],
  ['Trên 50%', v('Trên 50%', '>', 50, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 38, Năm 2025'],
  ['70%', v('70%', '=', 70, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 39, Năm 2025'],
  ['90%', v('90%', '=', 90, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 40, Năm 2025'],
  ['30%', v('30%', '=', 30, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 41, Năm 2025'],
  ['50%', v('50%', '=', 50, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 42, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 43, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 44, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 45, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-402 Phụ lục I, chỉ tiêu 46, Năm 2025'],
  ['95%', v('95%', '=', 95, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 1, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 1, Năm 2026'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 2, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 2, Năm 2026'],
  ['> 85%', v('> 85%', '>', 85, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 3, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 3, Năm 2026'],
  ['85%', v('85%', '=', 85, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 4, Năm 2025'],
  ['>85%', v('>85%', '>', 85, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 4, Năm 2026'],
  ['50%', v('50%', '=', 50, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 5, Năm 2025'],
  ['>50%', v('>50%', '>', 50, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 5, Năm 2026'],
  ['Tốp 5', rank('Tốp 5', 5), 'hanoi-138 Phụ lục, chỉ tiêu 6, Năm 2025'],
  ['Duy trì tốp 5', rank('Duy trì tốp 5', 5), 'hanoi-138 Phụ lục, chỉ tiêu 6, Năm 2026'],
  ['80%', v('80%', '=', 80, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 7, Năm 2025'],
  ['100%', v('100%', '=', 100, '%'), 'hanoi-138 Phụ lục, chỉ tiêu 7, Năm 2026'],
];

/** The forms the parser is specified to read, variants it must tolerate, and texts it must refuse. */
export const RULE_TABLE: IndicatorTargetTableRow[] = [
  // plain values: "%" or no unit, decimal comma, Vietnamese thousands dot
  ['95%', v('95%', '=', 95, '%'), 'specified form'],
  ['90', v('90', '=', 90, null), 'specified form'],
  ['7,5%', v('7,5%', '=', 7.5, '%'), 'specified form'],
  ['95 %', v('95 %', '=', 95, '%'), 'space before %'],
  ['  100%. ', v('  100%. ', '=', 100, '%'), 'stray spaces and full stop (text kept verbatim)'],
  ['Đạt 100%', v('Đạt 100%', '=', 100, '%'), '"đạt" changes nothing'],
  ['Phấn đấu đạt 100%', v('Phấn đấu đạt 100%', '=', 100, '%'), '"phấn đấu đạt" changes nothing'],
  ['0%', v('0%', '=', 0, '%'), 'zero'],
  ['1.234,5%', v('1.234,5%', '=', 1234.5, '%'), 'thousands dot and decimal comma'],
  ['7.5%', v('7.5%', '=', 7.5, '%'), 'a dot that cannot group thousands is a decimal mark'],
  // open comparators
  ['> 85%', v('> 85%', '>', 85, '%'), 'specified form'],
  ['≥ 80%', v('≥ 80%', '>=', 80, '%'), 'specified form'],
  ['>= 80%', v('>= 80%', '>=', 80, '%'), 'specified form'],
  ['≥80%', v('≥80%', '>=', 80, '%'), 'no space'],
  ['Trên 50%', v('Trên 50%', '>', 50, '%'), 'specified form'],
  ['trên 50%', v('trên 50%', '>', 50, '%'), 'lower case'],
  ['TRÊN 50%', v('TRÊN 50%', '>', 50, '%'), 'upper case'],
  ['Tren 50%', v('Tren 50%', '>', 50, '%'), 'without diacritics'],
  ['Hơn 50%', v('Hơn 50%', '>', 50, '%'), 'specified form'],
  ['Đạt trên 90%', v('Đạt trên 90%', '>', 90, '%'), '"đạt" before a comparator'],
  ['Tối thiểu 20%', v('Tối thiểu 20%', '>=', 20, '%'), 'specified form'],
  ['Ít nhất 20%', v('Ít nhất 20%', '>=', 20, '%'), 'specified form'],
  ['Từ 50% trở lên', v('Từ 50% trở lên', '>=', 50, '%'), 'specified form'],
  ['50% trở lên', v('50% trở lên', '>=', 50, '%'), '"trở lên" without "từ"'],
  ['Tối thiểu 50% trở lên', v('Tối thiểu 50% trở lên', '>=', 50, '%'), 'redundant but consistent'],
  ['Không dưới 30%', v('Không dưới 30%', '>=', 30, '%'), 'specified form'],
  ['Không thấp hơn 30%', v('Không thấp hơn 30%', '>=', 30, '%'), 'variant of "không dưới"'],
  ['Dưới 5%', v('Dưới 5%', '<', 5, '%'), 'specified form'],
  ['< 5%', v('< 5%', '<', 5, '%'), 'specified form'],
  ['Tối đa 10%', v('Tối đa 10%', '<=', 10, '%'), 'specified form'],
  ['Không quá 10%', v('Không quá 10%', '<=', 10, '%'), 'specified form'],
  ['≤ 10%', v('≤ 10%', '<=', 10, '%'), 'symbol'],
  ['<= 10%', v('<= 10%', '<=', 10, '%'), 'ASCII symbol'],
  ['Từ 5% trở xuống', v('Từ 5% trở xuống', '<=', 5, '%'), '"trở xuống"'],
  // approximately
  ['Khoảng 30%', v('Khoảng 30%', '~', 30, '%'), 'specified form'],
  ['~30%', v('~30%', '~', 30, '%'), 'specified form'],
  ['Xấp xỉ 30%', v('Xấp xỉ 30%', '~', 30, '%'), 'specified form'],
  // ranges
  ['7% - 7,5%', range('7% - 7,5%', 7, 7.5, '%'), 'specified form'],
  ['7-7,5%', range('7-7,5%', 7, 7.5, '%'), 'specified form'],
  ['Từ 7% đến 7,5%', range('Từ 7% đến 7,5%', 7, 7.5, '%'), 'specified form'],
  ['7% – 7,5%', range('7% – 7,5%', 7, 7.5, '%'), 'en dash (the rendering)'],
  ['từ 7 đến 7,5%', range('từ 7 đến 7,5%', 7, 7.5, '%'), 'unit written once'],
  ['100 - 200 người', range('100 - 200 người', 100, 200, 'người'), 'range with a unit in words'],
  // ranks
  ['Tốp 5', rank('Tốp 5', 5), 'specified form'],
  ['Top 5', rank('Top 5', 5), 'specified form'],
  ['Trong tốp 10', rank('Trong tốp 10', 10), 'specified form'],
  [
    'Nằm trong nhóm 10 địa phương dẫn đầu',
    rank('Nằm trong nhóm 10 địa phương dẫn đầu', 10),
    'specified form',
  ],
  // hanoi-138 II.1/II.2 objectives, short forms of the rank target
  [
    'Nằm trong nhóm 5 tỉnh, thành phố dẫn đầu cả nước',
    rank('Nằm trong nhóm 5 tỉnh, thành phố dẫn đầu cả nước', 5),
    'hanoi-138 II.1 (short form)',
  ],
  [
    'Duy trì vị trí nằm trong nhóm 5 tỉnh, thành phố dẫn đầu cả nước',
    rank('Duy trì vị trí nằm trong nhóm 5 tỉnh, thành phố dẫn đầu cả nước', 5),
    'hanoi-138 II.2 (short form)',
  ],
  // several labelled parts
  [
    'Sở ngành 100%, cấp xã 80%',
    multi('Sở ngành 100%, cấp xã 80%', [
      ['Sở ngành', v('100%', '=', 100, '%')],
      ['cấp xã', v('80%', '=', 80, '%')],
    ]),
    'specified form',
  ],
  [
    '- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 90%',
    multi('- Các sở, ban, ngành: 100%; - Cấp huyện: 100%; Cấp xã: 90%', [
      ['Các sở, ban, ngành', v('100%', '=', 100, '%')],
      ['Cấp huyện', v('100%', '=', 100, '%')],
      ['Cấp xã', v('90%', '=', 90, '%')],
    ]),
    'specified form',
  ],
  [
    'Cấp huyện: trên 90%\nCấp xã: từ 7% đến 7,5%',
    multi('Cấp huyện: trên 90%\nCấp xã: từ 7% đến 7,5%', [
      ['Cấp huyện', v('trên 90%', '>', 90, '%')],
      ['Cấp xã', range('từ 7% đến 7,5%', 7, 7.5, '%')],
    ]),
    'parts on separate lines, each with its own form',
  ],
  [
    'Thành phố tối thiểu 50% trở lên, cấp xã khoảng 30%',
    multi('Thành phố tối thiểu 50% trở lên, cấp xã khoảng 30%', [
      ['Thành phố', v('tối thiểu 50% trở lên', '>=', 50, '%')],
      ['cấp xã', v('khoảng 30%', '~', 30, '%')],
    ]),
    'labels without colon, comparators inside the parts',
  ],
  [
    'Cấp xã: 80%',
    multi('Cấp xã: 80%', [['Cấp xã', v('80%', '=', 80, '%')]]),
    'one labelled part (a colon is required)',
  ],
  // units in words
  ['01 sàn', v('01 sàn', '=', 1, 'sàn'), 'specified form'],
  ['500.000 người', v('500.000 người', '=', 500000, 'người'), 'specified form: thousands dot'],
  ['100 triệu đồng', v('100 triệu đồng', '=', 100, 'triệu đồng'), 'specified form'],
  ['Trên 1.000 doanh nghiệp', v('Trên 1.000 doanh nghiệp', '>', 1000, 'doanh nghiệp'), 'comparator and unit'],
  ['2,5 tỷ đồng', v('2,5 tỷ đồng', '=', 2.5, 'tỷ đồng'), 'decimal comma with a unit'],
  // refused: never guessed
  ['', unknown('', 'empty cell (no target written)'), 'empty cell'],
  ['   ', unknown('   ', 'empty cell (no target written)'), 'blank cell'],
  ['Hoàn thành', unknown('Hoàn thành', NO_NUMBER), 'specified form'],
  ['Đạt chuẩn', unknown('Đạt chuẩn', NO_NUMBER), 'specified form'],
  ['Theo lộ trình của Bộ', unknown('Theo lộ trình của Bộ', NO_NUMBER), 'prose'],
  ['45% 60%', unknown('45% 60%', TWO_NUMBERS), 'two numbers, no labels'],
  ['Khoảng 7-8%', unknown('Khoảng 7-8%', TWO_NUMBERS), 'approximate range: not a form'],
  ['8% - 7%', unknown('8% - 7%', 'range bounds reversed (8 > 7)'), 'reversed range'],
  [
    '7% - 7 người',
    unknown('7% - 7 người', 'range bounds have different units ("%", "người")'),
    'units differ',
  ],
  ['Từ 50%', unknown('Từ 50%', '"từ" without "trở lên" or an upper bound'), '"từ" alone'],
  ['Trên 50% trở xuống', unknown('Trên 50% trở xuống', '">" contradicts "trở xuống"'), 'contradiction'],
  ['Tốp 0', unknown('Tốp 0', 'rank "0" is not a whole number ≥ 1'), 'rank zero'],
  [
    '1234.567%',
    unknown('1234.567%', 'ambiguous number "1234.567"'),
    'neither Vietnamese nor a plain decimal',
  ],
  ['Tăng 10%', unknown('Tăng 10%', NOT_A_TARGET), 'a change, not a level'],
  [
    'Phấn đấu 80%, cấp xã 50%',
    unknown('Phấn đấu 80%, cấp xã 50%', 'several parts, one not understood: a part has no label'),
    'first part unlabelled',
  ],
  [
    'Trên 50%, dưới 80%',
    unknown('Trên 50%, dưới 80%', 'several parts, one not understood: a part has no label'),
    'comparators are not labels',
  ],
  ['Năm 2025: 80%', unknown('Năm 2025: 80%', TWO_NUMBERS), 'a number in a label'],
  [
    '100% học sinh trung học và sinh viên được trang bị kiến thức, kỹ năng số',
    unknown('100% học sinh trung học và sinh viên được trang bị kiến thức, kỹ năng số', NOT_A_TARGET),
    'hanoi-138 II.1: an objective sentence, not a target cell',
  ],
  [
    'Phấn đấu 85% dân số trưởng thành có điện thoại thông minh; tỷ lệ dân số trưởng thành tại đô thị có tài khoản thanh toán điện tử trên 50%.',
    unknown(
      'Phấn đấu 85% dân số trưởng thành có điện thoại thông minh; tỷ lệ dân số trưởng thành tại đô thị có tài khoản thanh toán điện tử trên 50%.',
      'several parts, one not understood: "Phấn đấu 85% dân số trưởng thành có điện thoại thông minh" is not a recognised target',
    ),
    'hanoi-138 II.1: two objectives in one sentence',
  ],
];

export const INDICATOR_TARGET_TABLE: IndicatorTargetTableRow[] = [...SEED_DOCUMENT_TABLE, ...RULE_TABLE];
