import { Injectable, Logger } from '@nestjs/common';
import { type AccessScope, Clock, DomainError } from '@dieu-hanh/api/shared/kernel';
import { exportNotFound, periodNotFound, planNotFound } from '@dieu-hanh/api/reporting/domain';
import type { ExportJobDto, ExportRequest } from '@dieu-hanh/shared/contracts';
import { actsForFocalUnit, mayViewPeriod, reportingUnitOf, seesWholePlan } from '../access/report-access.policy';
import { ReportingViews } from '../commands/reporting.views';
import { consolidatedReportDocument, unitReportDocument, type ReportIssuer } from '../documents/compose-report-document';
import { DocxRenderer, PdfConverter, SpreadsheetWriter } from '../documents/report-document.renderer';
import { ReportingReadModel } from '../ports/reporting.read-model';
import { type ExportJobProps, ReportingStore, type UnitFacts } from '../ports/reporting.store';
import { reportingInvalid } from '@dieu-hanh/api/reporting/domain';

/** The recurring job that writes queued exports (pg-boss: once per cluster at a time). */
export const EXPORT_JOB = 'reporting.exports';

export function exportDto(j: ExportJobProps): ExportJobDto {
  return {
    id: j.id,
    subject: j.subject,
    format: j.format,
    status: j.status,
    progress: j.progress,
    fileName: j.fileName,
    size: j.size,
    error: j.error,
    createdAt: new Date(j.createdAt).toISOString(),
    finishedAt: j.finishedAt ? new Date(j.finishedAt).toISOString() : null,
  };
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';

/** "01-SKHCN" → "SKHCN"; a commune's committee → "UBND": the symbol's abbreviation (chữ viết tắt). */
function abbreviation(unit: UnitFacts): string {
  if (unit.tier === 2) return 'UBND';
  return unit.unitCode.replace(/^\d+-/, '').replace(/[^A-Z0-9Đ]/giu, '').toUpperCase() || 'UBND';
}

/** File names stay ASCII-safe for every browser: "bao-cao-tong-hop-402-KH-UBND-quy-iv-2025.docx". */
function fileName(...parts: string[]): string {
  return parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/**
 * Writes exports: reports as DOCX (Decree 30 layout) or PDF (LibreOffice, where installed), a plan's
 * assignments and a period's indicator values as XLSX. Every export is rendered with its requester's own
 * access, decided again at render time. Drains the queue; runs in the job and, kicked, right after a request.
 */
@Injectable()
export class ExportRunner {
  private readonly log = new Logger('ExportRunner');
  private draining: Promise<unknown> | null = null;

  constructor(
    private readonly store: ReportingStore,
    private readonly read: ReportingReadModel,
    private readonly views: ReportingViews,
    private readonly docx: DocxRenderer,
    private readonly pdf: PdfConverter,
    private readonly sheets: SpreadsheetWriter,
    private readonly clock: Clock,
  ) {}

  /** Refuses at request time what the caller could not export (404 out of sight, 400 a format the subject has not). */
  async assertExportable(scope: AccessScope, req: ExportRequest): Promise<void> {
    const reportLike = req.subject === 'unit-report' || req.subject === 'consolidated-report';
    if (reportLike && req.format === 'xlsx') throw reportingInvalid('body.format', 'Báo cáo được kết xuất ra DOCX hoặc PDF.', 'A report exports as DOCX or PDF.');
    if (!reportLike && req.format !== 'xlsx') throw reportingInvalid('body.format', 'Danh sách được kết xuất ra XLSX.', 'Lists export as XLSX.');
    if (req.format === 'pdf' && !(await this.pdf.available()))
      throw reportingInvalid('body.format', 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy chọn DOCX.', 'LibreOffice is not installed on the server, so PDF is not available; choose DOCX.');
    await this.render(scope, req, () => Promise.resolve(), true);
  }

  /** Starts draining in the background unless a drain is under way in this process. */
  kick(): void {
    if (!this.draining)
      this.draining = this.runPending()
        .catch((e) => this.log.error(`exports: ${(e as Error).message}`))
        .finally(() => (this.draining = null));
  }

  /** Writes every queued export, one after the other. */
  async runPending(): Promise<number> {
    let done = 0;
    await this.store.tidyExports(this.clock.now());
    for (let job = await this.store.claimExport(this.clock.now()); job; job = await this.store.claimExport(this.clock.now())) {
      await this.runOne(job);
      done++;
    }
    return done;
  }

  private async runOne(job: ExportJobProps): Promise<void> {
    try {
      const file = await this.render(job.scope as AccessScope, { subject: job.subject, id: job.subjectId, format: job.format }, (p) => this.store.exportProgress(job.id, p));
      if (!file) throw new Error(`export ${job.id}: nothing rendered`);
      await this.store.finishExport(job.id, file, this.clock.now());
    } catch (e) {
      const error = e instanceof DomainError ? { vi: e.vi, en: e.en } : { vi: 'Không kết xuất được tệp; vui lòng thử lại.', en: 'The file could not be written; please try again.' };
      if (!(e instanceof DomainError)) this.log.error(`export ${job.id} failed: ${(e as Error).stack ?? e}`);
      await this.store.failExport(job.id, error, this.clock.now());
    }
  }

  private async render(
    scope: AccessScope,
    req: ExportRequest,
    progress: (p: number) => Promise<void>,
    checkOnly = false,
  ): Promise<{ fileName: string; mediaType: string; content: Buffer } | undefined> {
    switch (req.subject) {
      case 'unit-report': {
        const { report, period, plan, unit } = await this.views.unitReportInSight(scope, req.id);
        if (checkOnly) return;
        const dto = await this.views.unitReportDto(scope, report, period, plan, unit);
        await progress(40);
        const focal = await this.store.unit(period.focalUnitCode);
        const doc = unitReportDocument(dto, await this.issuerOf(unit, plan.issuerUnitCode), { focalUnitName: focal?.unitName });
        return this.document(doc, req.format, fileName('bao-cao', unit.unitName, dto.periodLabel), progress);
      }
      case 'consolidated-report': {
        const { report, period, plan } = await this.views.consolidatedInSight(scope, req.id);
        if (checkOnly) return;
        const dto = await this.views.consolidatedDto(scope, report, period, plan);
        await progress(40);
        const focal = (await this.store.unit(report.focalUnitCode)) ?? { unitCode: report.focalUnitCode, unitName: report.focalUnitCode, officialName: report.focalUnitCode, tier: 1 as const, communeCode: null };
        const doc = consolidatedReportDocument(dto, await this.issuerOf(focal, plan.issuerUnitCode));
        return this.document(doc, req.format, fileName('bao-cao-tong-hop', dto.planSymbol, dto.periodLabel), progress);
      }
      case 'plan-assignments': {
        const plan = await this.store.plan(req.id);
        if (!plan || !mayViewPeriod(scope, plan, false)) throw planNotFound(req.id);
        if (checkOnly) return;
        const rows = await this.read.assignmentRows(plan.planId, seesWholePlan(scope, plan) ? null : reportingUnitOf(scope));
        await progress(50);
        const content = await this.sheets.assignments({ planSymbol: plan.planSymbol, planTitle: plan.planTitle, rows });
        return { fileName: `${fileName('giao-nhiem-vu', plan.planSymbol)}.xlsx`, mediaType: XLSX, content };
      }
      case 'indicator-values': {
        const { period, plan } = await this.views.periodInSight(scope, req.id);
        if (!actsForFocalUnit(scope, plan) && !seesWholePlan(scope, plan)) throw periodNotFound(req.id);
        if (checkOnly) return;
        const [rows, indicators] = await Promise.all([this.read.indicatorSheetRows(period.id, plan.planId), this.store.indicatorsOf(plan.planId, Number(period.endDate.slice(0, 4)))]);
        const kinds = new Map(indicators.map((i) => [i.indicatorId, i.kind]));
        await progress(50);
        const content = await this.sheets.indicatorValues({
          planSymbol: plan.planSymbol,
          planTitle: plan.planTitle,
          periodLabel: period.label,
          rows: rows.map((r) => ({ ...r, kind: kinds.get(r.indicatorId) ?? 'value' })),
        });
        return { fileName: `${fileName('chi-tieu', plan.planSymbol, period.label)}.xlsx`, mediaType: XLSX, content };
      }
      default:
        throw exportNotFound(String(req.id));
    }
  }

  private async document(doc: Parameters<DocxRenderer['render']>[0], format: string, name: string, progress: (p: number) => Promise<void>) {
    const docx = await this.docx.render(doc);
    await progress(format === 'pdf' ? 60 : 90);
    if (format === 'pdf') return { fileName: `${name}.pdf`, mediaType: PDF, content: await this.pdf.convert(docx) };
    return { fileName: `${name}.docx`, mediaType: DOCX, content: docx };
  }

  /** The header block: the unit's own name in caps under its parent body (the province's or nothing for a commune). */
  private async issuerOf(unit: UnitFacts, provinceCommitteeCode: string): Promise<ReportIssuer> {
    const committee = unit.tier === 1 && unit.unitCode !== provinceCommitteeCode ? await this.store.unit(provinceCommitteeCode) : null;
    const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
    const short = (s: string) => s.replace(/^Ủy ban nhân dân/iu, 'UBND');
    // Under its committee's line a department is named without the city ("SỞ KHOA HỌC VÀ CÔNG NGHỆ").
    const own = committee ? unit.officialName.replace(/\s+(?:thành phố|tỉnh)\s+.+$/iu, '') : unit.officialName;
    return { parentBody: committee ? upper(short(committee.officialName)) : null, body: upper(short(own)), abbreviation: abbreviation(unit) };
  }
}
