/**
 * Ports for the reporting context's files. The application decides what a document or sheet says
 * (ReportDocument, the sheet models); the infrastructure writes DOCX (docx), PDF (LibreOffice) and XLSX (exceljs).
 */
import type { IndicatorValueKind, Verification, WorkStatus } from '@dieu-hanh/shared/contracts';
import type { ReportDocument } from './report-document';

/** Writes a ReportDocument as a Word file laid out per Decree 30/2020/NĐ-CP. */
export abstract class DocxRenderer {
  abstract render(doc: ReportDocument): Promise<Buffer>;
}

/** Turns a DOCX into a PDF (LibreOffice headless). Exports in PDF are offered only when `available()`. */
export abstract class PdfConverter {
  abstract available(): Promise<boolean>;
  abstract convert(docx: Buffer): Promise<Buffer>;
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets

/** One unit × indicator row of the indicator-values sheet (export, and the template the import reads back). */
export interface IndicatorValuesSheetRow {
  unitCode: string;
  unitName: string;
  indicatorId: string;
  ordinal: number;
  name: string;
  kind: IndicatorValueKind;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rank: number | null;
  evidence: string | null;
}

export interface IndicatorValuesSheet {
  /** "402/KH-UBND" */
  planSymbol: string;
  planTitle: string;
  /** "Quý IV/2025" */
  periodLabel: string;
  rows: IndicatorValuesSheetRow[];
}

/** A data row read back from an indicator-values sheet; `row` is the spreadsheet's row number (1-based). */
export interface IndicatorValuesReadRow {
  row: number;
  unitCode: string;
  indicatorId: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  rank: number | null;
  evidence: string | null;
}

/** A refused cell: the row keeps out of `rows` and is reported here (the import's `rejected`). */
export interface IndicatorValuesReadError {
  row: number;
  /** unitCode | indicatorId | numerator | denominator | value | rank | evidence */
  field: string;
  vi: string;
  en: string;
}

export interface IndicatorValuesRead {
  rows: IndicatorValuesReadRow[];
  errors: IndicatorValuesReadError[];
}

/** One assignment (task × unit) of a plan for the assignments sheet. */
export interface AssignmentsSheetRow {
  taskOrdinal: number;
  section: string | null;
  taskContent: string;
  unitCode: string;
  unitName: string;
  role: 'lead' | 'coordinator';
  status: WorkStatus;
  percent: number;
  /** yyyy-MM-dd */
  due: string | null;
  verification: Verification;
  result: string | null;
}

export interface AssignmentsSheet {
  planSymbol: string;
  planTitle: string;
  rows: AssignmentsSheetRow[];
}

/** Writes the XLSX exports. */
export abstract class SpreadsheetWriter {
  abstract indicatorValues(model: IndicatorValuesSheet): Promise<Buffer>;
  abstract assignments(model: AssignmentsSheet): Promise<Buffer>;
}

/**
 * Reads an indicator-values sheet back (the import). Throws SpreadsheetFormatError when the file as a whole
 * cannot be read (not XLSX, no header row, too many rows); refused cells come back in `errors`.
 * The file's size is the caller's to check before.
 */
export abstract class IndicatorValuesSheetReader {
  abstract read(xlsx: Buffer): Promise<IndicatorValuesRead>;
}

export type SpreadsheetFormatReason = 'unreadable' | 'no-sheet' | 'no-header' | 'too-many-rows';

/** The file as a whole is refused; the caller turns it into its own error code (400). */
export class SpreadsheetFormatError extends Error {
  constructor(
    readonly reason: SpreadsheetFormatReason,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'SpreadsheetFormatError';
  }
}
