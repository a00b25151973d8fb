import type { RecurrenceRule, Timeframe } from './timeframe';

/**
 * Every distinct timeframe cell found in the seed documents (seeds/planning/sources/), written
 * exactly as extracted (trailing full stops, stray spaces and typos kept), with its hand-checked
 * normalization. Then the forms named in docs/domain.md ("Timeframe") and the variants the parser must
 * tolerate or refuse. Each row: [text, planYear, expected].
 */
export type TimeframeTableRow = [text: string, planYear: number, expected: Timeframe];

const range = (text: string, start: string | null, due: string): Timeframe => ({ kind: 'range', start, due, text });
const ongoing = (text: string, start: string | null, due: string | null): Timeframe => ({ kind: 'ongoing', start, due, text });
const recurring = (text: string, rule: RecurrenceRule, start: string | null = null, due: string | null = null): Timeframe => ({
  kind: 'recurring',
  rule,
  start,
  due,
  text,
});
const done = (text: string): Timeframe => ({ kind: 'done', text });
const external = (text: string, dependsOn: string): Timeframe => ({ kind: 'external', dependsOn, text });
const unknown = (text: string, reason: string): Timeframe => ({ kind: 'unknown', text, reason });

/** Forms that occur in the four seed documents (all plans for 2025). */
export const SEED_DOCUMENT_TABLE: TimeframeTableRow[] = [
  // hanoi-402-KH-UBND-2024 Appendix 2, column "Thời gian hoàn thành" (178 tasks + group rows)
  ['Quý I năm 2025', 2025, range('Quý I năm 2025', '2025-01-01', '2025-03-31')], // 3×
  ['Quý II năm 2025', 2025, range('Quý II năm 2025', '2025-04-01', '2025-06-30')], // 4×
  ['Quý II Năm 2025', 2025, range('Quý II Năm 2025', '2025-04-01', '2025-06-30')], // 4×
  ['Quý III Năm 2025', 2025, range('Quý III Năm 2025', '2025-07-01', '2025-09-30')], // 4×
  ['Quý IV năm 2025', 2025, range('Quý IV năm 2025', '2025-10-01', '2025-12-31')], // 93×
  ['Quý IV Năm 2025', 2025, range('Quý IV Năm 2025', '2025-10-01', '2025-12-31')], // 26×
  ['Năm 2025', 2025, range('Năm 2025', '2025-01-01', '2025-12-31')], // 6×
  ['Cả năm', 2025, ongoing('Cả năm', '2025-01-01', '2025-12-31')], // 24×
  ['Cá năm', 2025, ongoing('Cá năm', '2025-01-01', '2025-12-31')], // typo for "Cả năm" (row "Tài chính, ngân hàng")
  // a year with a milestone note in brackets: the note (no date in it) does not move the deadline
  [
    'Năm 2025 (Hoàn thành việc lựa chọn đơn vị cung cấp dịch vụ CNTT để thực hiện)',
    2025,
    range('Năm 2025 (Hoàn thành việc lựa chọn đơn vị cung cấp dịch vụ CNTT để thực hiện)', '2025-01-01', '2025-12-31'),
  ],
  // the same cell cut by a page break (task I.4.7): first half …
  [
    'Năm 2025 (Hoàn thành việc lựa chọn đơn vị cung cấp dịch vụ)',
    2025,
    range('Năm 2025 (Hoàn thành việc lựa chọn đơn vị cung cấp dịch vụ)', '2025-01-01', '2025-12-31'),
  ],
  // … and its continuation on the next page: not a timeframe on its own
  ['CNTT để thực hiện)', 2025, unknown('CNTT để thực hiện)', 'not a recognised timeframe')],
  // tasks whose cell is blank (the deadline sits on the group row, e.g. II.2.3 rows 152–162)
  ['', 2025, unknown('', 'empty cell (no timeframe written)')],

  // hanoi-138-KH-UBND-2025 "Bình dân học vụ số", lines "- Thời gian (thực hiện): …"
  ['Thường xuyên.', 2025, ongoing('Thường xuyên.', null, null)],
  ['Tháng 5/2025.', 2025, range('Tháng 5/2025.', '2025-05-01', '2025-05-31')],
  ['Tháng 6/2025.', 2025, range('Tháng 6/2025.', '2025-06-01', '2025-06-30')],
  ['Tháng 10/2025.', 2025, range('Tháng 10/2025.', '2025-10-01', '2025-10-31')],
  ['Từ tháng 6/2025.', 2025, ongoing('Từ tháng 6/2025.', '2025-06-01', null)],
  ['Quý III/2025.', 2025, range('Quý III/2025.', '2025-07-01', '2025-09-30')],
  ['Theo hướng dẫn của Bộ Công an.', 2025, external('Theo hướng dẫn của Bộ Công an.', 'Bộ Công an')],
  ['Năm 2025 - 2026.', 2025, range('Năm 2025 - 2026.', '2025-01-01', '2026-12-31')],
  ['Năm 2025-2026.', 2025, range('Năm 2025-2026.', '2025-01-01', '2026-12-31')],
  [
    'Định kỳ Ngày thứ Sáu tuần thứ 4 hằng tháng, trực tiếp tại: Khu dân cư đông đúc, vùng sâu, vùng xa, các khu công nghiệp, ... trên địa bàn Thành phố.',
    2025,
    recurring(
      'Định kỳ Ngày thứ Sáu tuần thứ 4 hằng tháng, trực tiếp tại: Khu dân cư đông đúc, vùng sâu, vùng xa, các khu công nghiệp, ... trên địa bàn Thành phố.',
      { freq: 'monthly', weekday: 5, nth: 4 },
    ),
  ],
  // in the body of 138 (task 1.4) and of haiphong (section I)
  ['vào ngày 10/10 hằng năm', 2025, recurring('vào ngày 10/10 hằng năm', { freq: 'yearly', month: 10, day: 10 })],
  ['ngày 10 tháng 10 hằng năm', 2025, recurring('ngày 10 tháng 10 hằng năm', { freq: 'yearly', month: 10, day: 10 })],

  // hanoi-272-KH-UBND-2025 "Ngày Chuyển đổi số", lines "- Thời gian thực hiện: …"
  ['Thường xuyên, trong quý IV/2025.', 2025, ongoing('Thường xuyên, trong quý IV/2025.', '2025-10-01', '2025-12-31')],
  ['Trong tháng 10/2025.', 2025, range('Trong tháng 10/2025.', '2025-10-01', '2025-10-31')],
  ['Quý IV/2025.', 2025, range('Quý IV/2025.', '2025-10-01', '2025-12-31')],
  ['Đã triển khai.', 2025, done('Đã triển khai.')],
  // reporting rhythm in section V
  ['định kỳ hằng quý', 2025, recurring('định kỳ hằng quý', { freq: 'quarterly' })],

  // haiphong-phuong-hai-an-2025 (trailing spaces are in the extracted text)
  ['Tháng 10/2025. ', 2025, range('Tháng 10/2025. ', '2025-10-01', '2025-10-31')],
  ['Trước ngày 10/10/2025. ', 2025, range('Trước ngày 10/10/2025. ', null, '2025-10-10')],
  ['từ ngày 01/10/2025 đến hết ngày 10/10/2025', 2025, range('từ ngày 01/10/2025 đến hết ngày 10/10/2025', '2025-10-01', '2025-10-10')],
  ['trong toàn bộ tháng 10/2025', 2025, range('trong toàn bộ tháng 10/2025', '2025-10-01', '2025-10-31')],

  // hanoi-402 section V.1.4: report deadlines "6 tháng (ngày 30/6/2025) và cả năm (ngày 30/12/2025)"
  ['ngày 30/6/2025', 2025, range('ngày 30/6/2025', null, '2025-06-30')],
  ['ngày 30/12/2025', 2025, range('ngày 30/12/2025', null, '2025-12-30')],
];

/** Forms named in docs/domain.md ("Timeframe"), and the spelling variants the parser must accept or refuse. */
export const RULE_TABLE: TimeframeTableRow[] = [
  // quarters
  ['Quý IV/2025', 2025, range('Quý IV/2025', '2025-10-01', '2025-12-31')],
  ['quý 3 năm 2025', 2025, range('quý 3 năm 2025', '2025-07-01', '2025-09-30')],
  ['QUY IV/2025', 2025, range('QUY IV/2025', '2025-10-01', '2025-12-31')],
  ['Quý  IV / 2025', 2025, range('Quý  IV / 2025', '2025-10-01', '2025-12-31')],
  ['Quý II', 2026, range('Quý II', '2026-04-01', '2026-06-30')],
  ['Quý III - IV/2025', 2025, range('Quý III - IV/2025', '2025-07-01', '2025-12-31')],
  ['Quý V/2025', 2025, unknown('Quý V/2025', 'no quarter "v" (quarters are I–IV)')],
  // months
  ['tháng 10 năm 2025', 2025, range('tháng 10 năm 2025', '2025-10-01', '2025-10-31')],
  ['Tháng 2/2024', 2024, range('Tháng 2/2024', '2024-02-01', '2024-02-29')],
  ['Tháng 10', 2025, range('Tháng 10', '2025-10-01', '2025-10-31')],
  ['Tháng 13/2025', 2025, unknown('Tháng 13/2025', 'no month 13')],
  // ranges of days
  ['05/10 - 31/10', 2025, range('05/10 - 31/10', '2025-10-05', '2025-10-31')],
  ['05/10 – 31/10', 2025, range('05/10 – 31/10', '2025-10-05', '2025-10-31')],
  ['05/10 đến 31/10', 2025, range('05/10 đến 31/10', '2025-10-05', '2025-10-31')],
  ['Từ 05/10 đến 31/10/2025', 2025, range('Từ 05/10 đến 31/10/2025', '2025-10-05', '2025-10-31')],
  ['15/12 - 15/01/2026', 2025, range('15/12 - 15/01/2026', '2025-12-15', '2026-01-15')],
  ['31/10 - 05/10/2025', 2025, unknown('31/10 - 05/10/2025', 'start 31/10/2025 is after due 05/10/2025')],
  // deadlines
  ['Trước ngày 15/11/2025', 2025, range('Trước ngày 15/11/2025', null, '2025-11-15')],
  ['trước 15/11', 2025, range('trước 15/11', null, '2025-11-15')],
  ['Chậm nhất ngày 30/6/2025', 2025, range('Chậm nhất ngày 30/6/2025', null, '2025-06-30')],
  ['Trước quý IV/2025', 2025, unknown('Trước quý IV/2025', 'ambiguous "trước" a period (before its start or by its end?)')],
  // years and halves
  ['2025-2026', 2025, range('2025-2026', '2025-01-01', '2026-12-31')],
  ['Năm 2025 – 2026', 2025, range('Năm 2025 – 2026', '2025-01-01', '2026-12-31')],
  ['2025', 2025, range('2025', '2025-01-01', '2025-12-31')],
  ['Trong năm 2025', 2025, range('Trong năm 2025', '2025-01-01', '2025-12-31')],
  ['6 tháng đầu năm 2025', 2025, range('6 tháng đầu năm 2025', '2025-01-01', '2025-06-30')],
  ['6 tháng cuối năm', 2025, range('6 tháng cuối năm', '2025-07-01', '2025-12-31')],
  // single dates
  ['31/12/2025', 2025, range('31/12/2025', null, '2025-12-31')],
  ['29/02/2024', 2024, range('29/02/2024', null, '2024-02-29')],
  ['31/02/2025', 2025, unknown('31/02/2025', 'impossible date "31/02/2025": 02/2025 has 28 days')],
  ['29/02/2025', 2025, unknown('29/02/2025', 'impossible date "29/02/2025": 02/2025 has 28 days')],
  // ongoing
  ['Thường xuyên', 2025, ongoing('Thường xuyên', null, null)],
  ['thuong xuyen', 2025, ongoing('thuong xuyen', null, null)],
  ['Thường xuyên, liên tục', 2025, ongoing('Thường xuyên, liên tục', null, null)],
  ['Liên tục', 2025, ongoing('Liên tục', null, null)],
  ['Hằng năm', 2025, ongoing('Hằng năm', null, null)],
  ['Hàng năm', 2025, ongoing('Hàng năm', null, null)],
  ['Cả năm 2026', 2025, ongoing('Cả năm 2026', '2026-01-01', '2026-12-31')],
  // recurring
  ['Hằng quý', 2025, recurring('Hằng quý', { freq: 'quarterly' })],
  ['Định kỳ hằng quý', 2025, recurring('Định kỳ hằng quý', { freq: 'quarterly' })],
  ['ngày 25 hằng tháng', 2025, recurring('ngày 25 hằng tháng', { freq: 'monthly', day: 25 })],
  ['Hằng tháng, thứ Sáu tuần thứ 4', 2025, recurring('Hằng tháng, thứ Sáu tuần thứ 4', { freq: 'monthly', weekday: 5, nth: 4 })],
  ['Thứ Hai tuần cuối hằng tháng', 2025, recurring('Thứ Hai tuần cuối hằng tháng', { freq: 'monthly', weekday: 1, nth: -1 })],
  ['Định kỳ 6 tháng', 2025, recurring('Định kỳ 6 tháng', { freq: 'half-yearly' })],
  ['Định kỳ hằng năm', 2025, recurring('Định kỳ hằng năm', { freq: 'yearly' })],
  ['Hằng quý năm 2025', 2025, recurring('Hằng quý năm 2025', { freq: 'quarterly' }, '2025-01-01', '2025-12-31')],
  ['Hằng tháng', 2025, unknown('Hằng tháng', 'recurrence without a day that the model can express (monthly needs a day or a weekday)')],
  ['ngày 32 hằng tháng', 2025, unknown('ngày 32 hằng tháng', 'no day 32 in a month')],
  // done / external
  ['Đã hoàn thành', 2025, done('Đã hoàn thành')],
  ['Theo lộ trình của Trung ương', 2025, external('Theo lộ trình của Trung ương', 'Trung ương')],
  ['theo chỉ đạo của UBND Thành phố', 2025, external('theo chỉ đạo của UBND Thành phố', 'UBND Thành phố')],
  // labels copied with the cell
  ['Thời gian thực hiện: Quý IV/2025.', 2025, range('Thời gian thực hiện: Quý IV/2025.', '2025-10-01', '2025-12-31')],
  // anything else
  ['Khi có yêu cầu', 2025, unknown('Khi có yêu cầu', 'not a recognised timeframe')],
  ['Năm 2025 (trước 30/6)', 2025, unknown('Năm 2025 (trước 30/6)', 'the note in brackets contains dates or numbers; a human must decide which one counts')],
];

export const TIMEFRAME_TABLE: TimeframeTableRow[] = [...SEED_DOCUMENT_TABLE, ...RULE_TABLE];
