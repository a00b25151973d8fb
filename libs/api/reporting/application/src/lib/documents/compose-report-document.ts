/**
 * Pure mappers from the reporting DTOs to the administrative document (ReportDocument): what a unit's report
 * and the focal unit's consolidated report say, in the order Vietnamese reports say it —
 * I. Kết quả thực hiện (narrative, tasks table, indicators table), II. Khó khăn, vướng mắc, III. Đề xuất, kiến nghị.
 * Numbers are written the Vietnamese way (decimal comma, dot for thousands), dates as Decree 30 writes them.
 */
import { vietnamDate } from '@dieu-hanh/api/shared/kernel';
import type {
  ConsolidatedReportDto,
  IndicatorFigureDto,
  IndicatorValueDto,
  IndicatorValueKind,
  ReportTaskEntryDto,
  StatusCountsDto,
  UnitReportDto,
  Verification,
  WorkStatus,
} from '@dieu-hanh/shared/contracts';
import { formatVietnameseNumber, parseIndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { judgeAttainment } from '@dieu-hanh/api/reporting/domain';
import type {
  DocBlock,
  DocIssuer,
  DocSigner,
  DocTable,
  DocTableRow,
  ReportDocument,
} from './report-document';

/** Who issues the document; `place` is the địa danh ("Hà Nội" when not given). */
export interface ReportIssuer extends DocIssuer {
  place?: string;
}

/** What the DTO does not carry (a unit report has no number, recipients or signer of its own). */
export interface ReportDocumentOptions {
  /** Overrides the DTO's number ("125/BC-SKHCN" or a bare "125"). */
  number?: string | null;
  /** Overrides the date (yyyy-MM-dd); a unit report otherwise takes its submission day (Vietnam). */
  date?: string | null;
  recipients?: string[];
  signer?: DocSigner;
  /** Section codes of the plan → their titles: the tasks table then shows a row per section. */
  sectionTitles?: Record<string, string>;
  /** A unit report goes to the focal unit: "- <focalUnitName> (để tổng hợp);". */
  focalUnitName?: string;
}

export type Attainment = IndicatorFigureDto['attainment'];

// ---------------------------------------------------------------------------------------------
// Words

export const WORK_STATUS_VI: Record<WorkStatus, string> = {
  'not-started': 'Chưa thực hiện',
  'in-progress': 'Đang thực hiện',
  done: 'Hoàn thành',
  unable: 'Không thực hiện được',
};

const VERIFICATION_VI: Record<Verification, string | null> = {
  none: null,
  pending: 'chờ thẩm định',
  verified: 'đã xác nhận',
  returned: 'bị trả lại, cập nhật lại',
};

export const ATTAINMENT_VI: Record<Attainment, string> = {
  met: 'Đạt',
  'not-met': 'Chưa đạt',
  unknown: 'Chưa xác định',
  'no-data': 'Chưa có số liệu',
};

const ROLE_VI = { lead: 'Chủ trì', coordinator: 'Phối hợp' } as const;

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

// ---------------------------------------------------------------------------------------------
// Numbers and dates

/** 1234.5 → "1.234,5"; 87.456 → "87,46" (at most `digits` decimals, none when whole). */
export function formatNumberVi(n: number, digits = 2): string {
  const f = 10 ** digits;
  const rounded = Math.round(n * f) / f;
  return formatVietnameseNumber(Object.is(rounded, -0) ? 0 : rounded);
}

/** 0..1 → "93,7" (percent, one decimal). */
const percentOf = (ratio: number): string => formatNumberVi(ratio * 100, 1);

/** yyyy-MM-dd → dd/MM/yyyy. */
export function formatDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** An indicator's value as the report writes it: "87,5% (35/40)", "1.250", "Xếp thứ 3"; null without data. */
export function indicatorResultText(
  kind: IndicatorValueKind,
  v: { numerator: number | null; denominator: number | null; value: number | null; rank: number | null },
): string | null {
  if (kind === 'rank') return v.rank === null ? null : `Xếp thứ ${formatNumberVi(v.rank, 0)}`;
  if (v.value === null) return null;
  if (kind === 'rate') {
    const parts =
      v.numerator !== null && v.denominator !== null
        ? ` (${formatNumberVi(v.numerator)}/${formatNumberVi(v.denominator)})`
        : '';
    return `${formatNumberVi(v.value)}%${parts}`;
  }
  return formatNumberVi(v.value);
}

/**
 * A unit's own value judged against the year's target by the same rule as the consolidated figures (the domain's
 * `judgeAttainment`), so a unit's report and the city's never disagree on one value.
 */
export function judgeIndicator(
  targetText: string | null,
  kind: IndicatorValueKind,
  value: number | null,
  rank: number | null,
): Attainment {
  const actual = kind === 'rank' ? rank : value;
  if (actual === null) return 'no-data';
  if (!targetText?.trim()) return 'unknown';
  return judgeAttainment(parseIndicatorTarget(targetText), { value: kind === 'rank' ? null : value, rank });
}

// ---------------------------------------------------------------------------------------------
// Pieces shared by both documents

/** "Chuyển đổi số, …" → "chuyển đổi số, …" inside a sentence; acronyms and all-caps titles stay as written. */
function inSentence(title: string): string {
  const t = title.trim().replace(/[.;]+$/, '');
  return /^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLocaleLowerCase('vi') + t.slice(1) : t;
}

/** The trích yếu: "Kết quả thực hiện Kế hoạch số 402/KH-UBND về chuyển đổi số, … năm 2025 (Quý IV/2025)". */
export function reportTitle(planSymbol: string, planTitle: string, periodLabel: string): string {
  return `Kết quả thực hiện Kế hoạch số ${planSymbol} về ${inSentence(planTitle)} (${periodLabel})`;
}

/** Narrative text → one paragraph per non-empty line. */
function paragraphs(text: string | null | undefined): DocBlock[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph' as const, text: line }));
}

function narrativeOrNone(text: string): DocBlock[] {
  const blocks = paragraphs(text);
  return blocks.length ? blocks : [{ type: 'paragraph', text: 'Không có.' }];
}

function heading(level: 1 | 2, index: number, text: string): DocBlock {
  return {
    type: 'heading',
    level,
    numbering: level === 1 ? `${ROMAN[index] ?? index + 1}.` : `${index + 1}.`,
    text,
  };
}

/**
 * "Nơi nhận:" lines as the decree writes them: each starts with "- ", ends with ";" and the last one ("Lưu: VT.")
 * with a full stop. A list without "Lưu" gets "- Lưu: VT.".
 */
export function normaliseRecipients(lines: readonly string[]): string[] {
  const items = lines
    .map((l) =>
      l
        .trim()
        .replace(/^[-–+•]\s*/, '')
        .replace(/[;.,]+$/, '')
        .trim(),
    )
    .filter(Boolean);
  if (!items.some((l) => /^lưu(\s|:|$)/iu.test(l))) items.push('Lưu: VT');
  return items.map((l, i) => `- ${l}${i === items.length - 1 ? '.' : ';'}`);
}

/** "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" or "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" → authority and title; a plain title stays a title. */
export function parseSignerTitle(text: string): { authority: string | null; title: string } {
  const upper = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleUpperCase('vi');
  const lines = text
    .split(/\r?\n|\s*\|\s*/)
    .map(upper)
    .filter(Boolean);
  if (lines.length >= 2) return { authority: lines[0], title: lines.slice(1).join(' ') };
  const one = lines[0] ?? '';
  const m = /^((?:KT|TM|TL|TUQ|Q)\.\s*.+?)\s+(PHÓ\s.+|CHÁNH\s.+|TRƯỞNG\s.+|GIÁM ĐỐC.*|CHỦ TỊCH.*)$/u.exec(
    one,
  );
  if (m && /^(KT|TM|TL|TUQ|Q)\./u.test(one)) return { authority: m[1], title: m[2] };
  return { authority: null, title: one };
}

/** Who signs when nobody was named: the head of that kind of body. */
export function defaultSigner(body: string): DocSigner {
  const b = body.toLocaleUpperCase('vi');
  if (/^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)(\s|$)/u.test(b))
    return { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: null };
  if (/^SỞ(\s|$)/u.test(b)) return { authority: null, title: 'GIÁM ĐỐC', name: null };
  if (/^BAN(\s|$)/u.test(b)) return { authority: null, title: 'TRƯỞNG BAN', name: null };
  if (/^VĂN PHÒNG(\s|$)/u.test(b)) return { authority: null, title: 'CHÁNH VĂN PHÒNG', name: null };
  return { authority: null, title: 'THỦ TRƯỞNG CƠ QUAN', name: null };
}

function issuerOf(issuer: ReportIssuer): DocIssuer {
  return { parentBody: issuer.parentBody, body: issuer.body, abbreviation: issuer.abbreviation };
}

function groupRow(
  sectionTitles: Record<string, string> | undefined,
  section: string | null,
  previous: string | null | undefined,
): DocTableRow | null {
  if (!sectionTitles || section === null || section === previous) return null;
  const title = sectionTitles[section];
  return title ? { cells: [title], kind: 'group' } : null;
}

const TASK_COLUMNS: DocTable['columns'] = [
  { title: 'STT', align: 'center' },
  { title: 'Nhiệm vụ', align: 'left' },
  { title: 'Đơn vị chủ trì / tình trạng', align: 'left' },
  { title: 'Tiến độ (%)', align: 'center' },
  { title: 'Kết quả', align: 'left' },
];
const TASK_WIDTHS = [7, 37, 24, 10, 22];
/** A unit's report: its role and status are short, its own account of the work is not. */
const UNIT_TASK_COLUMNS: DocTable['columns'] = TASK_COLUMNS.map((c, i) =>
  i === 2 ? { ...c, title: 'Vai trò / tình trạng' } : c,
);
const UNIT_TASK_WIDTHS = [7, 33, 20, 10, 30];

const INDICATOR_COLUMNS: DocTable['columns'] = [
  { title: 'STT', align: 'center' },
  { title: 'Chỉ tiêu', align: 'left' },
  { title: 'Chỉ tiêu năm', align: 'center' },
  { title: 'Kết quả thực hiện', align: 'center' },
  { title: 'Đánh giá', align: 'center' },
];
const INDICATOR_WIDTHS = [7, 40, 13, 25, 15];

// ---------------------------------------------------------------------------------------------
// Consolidated report (the focal unit's)

/** "12 đơn vị: 5 hoàn thành, 4 đang thực hiện, 3 chưa thực hiện; 2 quá hạn" (zero parts left out). */
export function countsText(c: StatusCountsDto): string {
  if (c.total === 0) return 'Chưa giao đơn vị';
  const parts = [
    [c.done, 'hoàn thành'],
    [c.inProgress, 'đang thực hiện'],
    [c.notStarted, 'chưa thực hiện'],
    [c.unable, 'không thực hiện được'],
  ]
    .filter(([n]) => Number(n) > 0)
    .map(([n, w]) => `${n} ${w}`);
  const flags = [
    c.overdue > 0 ? `${c.overdue} quá hạn` : null,
    c.pendingVerification > 0 ? `${c.pendingVerification} chờ thẩm định` : null,
  ].filter(Boolean);
  return `${c.total} đơn vị: ${parts.join(', ')}${flags.length ? `; ${flags.join(', ')}` : ''}`;
}

/** A task's outcome across its lead units: "Hoàn thành", "Hoàn thành 5/12 đơn vị", "Đang thực hiện"… */
export function outcomeText(c: StatusCountsDto): string {
  if (c.total === 0) return '—';
  let text: string;
  if (c.done === c.total) text = c.verified === c.total ? 'Hoàn thành, đã xác nhận' : 'Hoàn thành';
  else if (c.unable === c.total) text = 'Không thực hiện được';
  else if (c.done > 0) text = `Hoàn thành ${c.done}/${c.total} đơn vị`;
  else if (c.inProgress > 0 || c.unable > 0) text = 'Đang thực hiện';
  else text = 'Chưa thực hiện';
  return c.overdue > 0 && c.done < c.total ? `${text}; quá hạn` : text;
}

function consolidatedTaskTable(dto: ConsolidatedReportDto, sectionTitles?: Record<string, string>): DocTable {
  const rows: DocTableRow[] = [];
  let previous: string | null | undefined;
  for (const t of [...dto.taskRows].sort((a, b) => a.ordinal - b.ordinal)) {
    const group = groupRow(sectionTitles, t.section, previous);
    if (group) rows.push(group);
    previous = t.section;
    rows.push({
      cells: [
        String(t.ordinal),
        t.content,
        countsText(t.counts),
        t.counts.total ? formatNumberVi(t.counts.percent, 1) : '—',
        outcomeText(t.counts),
      ],
    });
  }
  return { type: 'table', columns: TASK_COLUMNS, rows, widths: TASK_WIDTHS };
}

function figureRow(f: IndicatorFigureDto): DocTableRow {
  const result = indicatorResultText(f.kind, f) ?? '—';
  return {
    cells: [
      String(f.ordinal),
      f.name,
      f.targetText ?? '—',
      `${result}\n(${f.reporting}/${f.expected} đơn vị)`,
      ATTAINMENT_VI[f.attainment],
    ],
  };
}

export function consolidatedReportDocument(
  dto: ConsolidatedReportDto,
  issuer: ReportIssuer,
  options: ReportDocumentOptions = {},
): ReportDocument {
  const c = dto.completeness;
  const t = dto.tasks;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      text: `Thực hiện Kế hoạch số ${dto.planSymbol} về ${inSentence(dto.planTitle)}, ${dto.focalUnitName} (cơ quan đầu mối) tổng hợp, báo cáo kết quả thực hiện ${dto.periodLabel} như sau:`,
    },
    heading(1, 0, 'KẾT QUẢ THỰC HIỆN'),
    heading(2, 0, 'Tình hình chung'),
    {
      type: 'paragraph',
      text:
        `Đã nhận ${c.submitted}/${c.expected} báo cáo, ${c.onTime} đúng hạn ` +
        `(đạt ${percentOf(c.completeness)}% số báo cáo phải gửi; ${percentOf(c.timeliness)}% đúng hạn); ` +
        `cơ quan đầu mối đã tiếp nhận ${c.accepted} báo cáo.`,
    },
    ...paragraphs(dto.sections.results),
    heading(2, 1, 'Tình hình thực hiện nhiệm vụ'),
    {
      type: 'paragraph',
      text:
        `Tổng số ${dto.taskRows.length} nhiệm vụ với ${t.total} lượt đơn vị chủ trì: hoàn thành ${t.done} ` +
        `(đã xác nhận ${t.verified}, chờ thẩm định ${t.pendingVerification}), đang thực hiện ${t.inProgress}, ` +
        `chưa thực hiện ${t.notStarted}, không thực hiện được ${t.unable}; quá hạn ${t.overdue}; ` +
        `tiến độ bình quân ${formatNumberVi(t.percent, 1)}%. Chi tiết từng nhiệm vụ:`,
    },
  ];
  blocks.push(
    dto.taskRows.length
      ? consolidatedTaskTable(dto, options.sectionTitles)
      : { type: 'paragraph', text: 'Kế hoạch chưa có nhiệm vụ được giao.' },
  );
  blocks.push(heading(2, 2, 'Kết quả thực hiện các chỉ tiêu'));
  if (dto.indicators.length) {
    const indicators = [...dto.indicators].sort((a, b) => a.ordinal - b.ordinal);
    const judged = (['met', 'not-met', 'unknown', 'no-data'] as const)
      .map(
        (a) =>
          [
            indicators.filter((i) => i.attainment === a).length,
            ATTAINMENT_VI[a].toLocaleLowerCase('vi'),
          ] as const,
      )
      .filter(([n]) => n > 0)
      .map(([n, w]) => `${n} ${w}`);
    blocks.push({
      type: 'paragraph',
      text:
        `Kế hoạch có ${indicators.length} chỉ tiêu: ${judged.join(', ')}. Kết quả tổng hợp từ số liệu các đơn vị báo cáo; ` +
        'số trong ngoặc là số đơn vị có số liệu trên số đơn vị phải báo cáo.',
    });
    blocks.push({
      type: 'table',
      columns: INDICATOR_COLUMNS,
      rows: indicators.map(figureRow),
      widths: INDICATOR_WIDTHS,
    });
  } else {
    blocks.push({ type: 'paragraph', text: 'Kế hoạch không có chỉ tiêu.' });
  }
  blocks.push(heading(1, 1, 'KHÓ KHĂN, VƯỚNG MẮC'), ...narrativeOrNone(dto.sections.difficulties));
  blocks.push(heading(1, 2, 'ĐỀ XUẤT, KIẾN NGHỊ'), ...narrativeOrNone(dto.sections.proposals));
  blocks.push({
    type: 'paragraph',
    text: `Trên đây là báo cáo kết quả thực hiện Kế hoạch số ${dto.planSymbol} ${dto.periodLabel} của ${dto.focalUnitName}./.`,
  });

  const signer: DocSigner = dto.signerTitle?.trim()
    ? { ...parseSignerTitle(dto.signerTitle), name: dto.signerName?.trim() || null }
    : (options.signer ?? { ...defaultSigner(issuer.body), name: dto.signerName?.trim() || null });

  return {
    issuer: issuerOf(issuer),
    number: options.number !== undefined ? options.number : dto.documentNumber,
    place: dto.place?.trim() || issuer.place || 'Hà Nội',
    date: options.date !== undefined ? options.date : dto.documentDate,
    kind: 'BÁO CÁO',
    title: reportTitle(dto.planSymbol, dto.planTitle, dto.periodLabel),
    blocks,
    recipients: normaliseRecipients(options.recipients ?? dto.recipients),
    signer,
  };
}

// ---------------------------------------------------------------------------------------------
// A unit's report

function statusCell(e: ReportTaskEntryDto): string {
  const lines = [`${ROLE_VI[e.role]}: ${WORK_STATUS_VI[e.status]}`];
  const verification = VERIFICATION_VI[e.verification];
  if (verification) lines.push(`(${verification})`);
  if (e.due) lines.push(`Thời hạn: ${formatDateVi(e.due)}${e.overdue ? ' – quá hạn' : ''}`);
  else if (e.overdue) lines.push('Quá hạn');
  return lines.join('\n');
}

function resultCell(e: ReportTaskEntryDto): string {
  const words = [e.note?.trim(), e.result?.trim()].filter((s): s is string => !!s);
  // the unit's own words first; the result from its work when it says something else
  const text = words.length === 2 && words[0] === words[1] ? words[0] : words.join('\n');
  const evidence = e.evidenceCount > 0 ? `(${e.evidenceCount} minh chứng)` : '';
  return [text || '—', evidence].filter(Boolean).join('\n');
}

function unitTaskTable(dto: UnitReportDto, sectionTitles?: Record<string, string>): DocTable {
  const rows: DocTableRow[] = [];
  let previous: string | null | undefined;
  const tasks = [...dto.tasks].sort(
    (a, b) => a.taskOrdinal - b.taskOrdinal || (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1),
  );
  for (const e of tasks) {
    const group = groupRow(sectionTitles, e.section, previous);
    if (group) rows.push(group);
    previous = e.section;
    rows.push({
      cells: [
        String(e.taskOrdinal),
        e.taskContent,
        statusCell(e),
        formatNumberVi(e.percent, 1),
        resultCell(e),
      ],
    });
    for (const k of e.contributions) {
      rows.push({
        kind: 'detail',
        cells: [
          '',
          `${k.unitName} (phối hợp)`,
          WORK_STATUS_VI[k.status],
          formatNumberVi(k.percent, 1),
          `${k.result?.trim() || '—'}\n(${k.source === 'report' ? 'theo báo cáo của đơn vị' : 'theo cập nhật tiến độ'})`,
        ],
      });
    }
  }
  return { type: 'table', columns: UNIT_TASK_COLUMNS, rows, widths: UNIT_TASK_WIDTHS };
}

function valueRow(v: IndicatorValueDto): DocTableRow {
  return {
    cells: [
      String(v.ordinal),
      v.name,
      v.targetText ?? '—',
      [indicatorResultText(v.kind, v) ?? '—', v.evidence?.trim() ? `(${v.evidence.trim()})` : '']
        .filter(Boolean)
        .join('\n'),
      ATTAINMENT_VI[judgeIndicator(v.targetText, v.kind, v.value, v.rank)],
    ],
  };
}

export function unitReportDocument(
  dto: UnitReportDto,
  issuer: ReportIssuer,
  options: ReportDocumentOptions = {},
): ReportDocument {
  const tasks = dto.tasks;
  const count = (s: WorkStatus) => tasks.filter((e) => e.status === s).length;
  const lead = tasks.filter((e) => e.role === 'lead').length;
  const blocks: DocBlock[] = [
    {
      type: 'paragraph',
      text: `Thực hiện Kế hoạch số ${dto.planSymbol} về ${inSentence(dto.planTitle)}, ${dto.unitName} báo cáo kết quả thực hiện ${dto.periodLabel} như sau:`,
    },
    heading(1, 0, 'KẾT QUẢ THỰC HIỆN'),
    ...paragraphs(dto.sections.results),
    heading(2, 0, 'Tình hình thực hiện nhiệm vụ'),
  ];
  if (tasks.length) {
    const withContributions = tasks.some((e) => e.contributions.length > 0);
    blocks.push({
      type: 'paragraph',
      text:
        `Đơn vị được giao ${tasks.length} nhiệm vụ (chủ trì ${lead}, phối hợp ${tasks.length - lead}): hoàn thành ${count('done')}, ` +
        `đang thực hiện ${count('in-progress')}, chưa thực hiện ${count('not-started')}, không thực hiện được ${count('unable')}; ` +
        `quá hạn ${tasks.filter((e) => e.overdue).length}.` +
        (withContributions
          ? ' Kết quả của các đơn vị phối hợp được ghi dưới nhiệm vụ do đơn vị chủ trì.'
          : ''),
    });
    blocks.push(unitTaskTable(dto, options.sectionTitles));
  } else {
    blocks.push({ type: 'paragraph', text: 'Đơn vị không có nhiệm vụ được giao trong kỳ.' });
  }
  blocks.push(heading(2, 1, 'Kết quả thực hiện các chỉ tiêu'));
  blocks.push(
    dto.indicators.length
      ? {
          type: 'table',
          columns: INDICATOR_COLUMNS,
          rows: [...dto.indicators].sort((a, b) => a.ordinal - b.ordinal).map(valueRow),
          widths: INDICATOR_WIDTHS,
        }
      : { type: 'paragraph', text: 'Đơn vị không được giao chỉ tiêu.' },
  );

  blocks.push(heading(1, 1, 'KHÓ KHĂN, VƯỚNG MẮC'));
  const obstacles = [...tasks]
    .sort((a, b) => a.taskOrdinal - b.taskOrdinal)
    .flatMap((e) => e.obstacles.map((o) => `- Nhiệm vụ số ${e.taskOrdinal}: ${o.trim()}`));
  const difficulties = paragraphs(dto.sections.difficulties);
  blocks.push(...difficulties);
  if (obstacles.length) {
    blocks.push({ type: 'paragraph', text: 'Vướng mắc phát sinh khi thực hiện các nhiệm vụ:' });
    blocks.push(...obstacles.map((text) => ({ type: 'paragraph' as const, text })));
  } else if (!difficulties.length) {
    blocks.push({ type: 'paragraph', text: 'Không có.' });
  }
  blocks.push(heading(1, 2, 'ĐỀ XUẤT, KIẾN NGHỊ'), ...narrativeOrNone(dto.sections.proposals));
  blocks.push({
    type: 'paragraph',
    text: `Trên đây là báo cáo kết quả thực hiện Kế hoạch số ${dto.planSymbol} ${dto.periodLabel} của ${dto.unitName}./.`,
  });

  const recipients = options.recipients ?? [
    options.focalUnitName ? `${options.focalUnitName} (để tổng hợp)` : 'Cơ quan đầu mối (để tổng hợp)',
    'Lưu: VT',
  ];
  return {
    issuer: issuerOf(issuer),
    number: options.number ?? null,
    place: issuer.place || 'Hà Nội',
    date:
      options.date !== undefined
        ? options.date
        : dto.submittedAt
          ? vietnamDate(new Date(dto.submittedAt))
          : null,
    kind: 'BÁO CÁO',
    title: reportTitle(dto.planSymbol, dto.planTitle, dto.periodLabel),
    blocks,
    recipients: normaliseRecipients(recipients),
    signer: options.signer ?? defaultSigner(issuer.body),
  };
}
