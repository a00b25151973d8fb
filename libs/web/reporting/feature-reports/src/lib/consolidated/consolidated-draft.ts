import type { ConsolidatedReportDto, ReportSectionsDto, SaveConsolidatedReportRequest } from '@dieu-hanh/shared/contracts';
import { dmyInput, parseDmy } from '../shared/format';

/** The document's fields and sections as the form holds them (dates dd/MM/yyyy, recipients one per line). */
export interface ConsolidatedDraft {
  documentNumber: string;
  place: string;
  documentDate: string;
  recipients: string;
  signerTitle: string;
  signerName: string;
  sections: ReportSectionsDto;
}

export function consolidatedDraft(c: ConsolidatedReportDto): ConsolidatedDraft {
  return {
    documentNumber: c.documentNumber ?? '',
    place: c.place,
    documentDate: dmyInput(c.documentDate),
    recipients: c.recipients.join('\n'),
    signerTitle: c.signerTitle ?? '',
    signerName: c.signerName ?? '',
    sections: { ...c.sections },
  };
}

/** "Như trên;\n  UBND Thành phố \n\n" → ["Như trên;", "UBND Thành phố"]. */
export function recipientLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** PUT /reporting/consolidated/:id from the form, or the fields at fault (key → message key). */
export function consolidatedSaveRequest(c: ConsolidatedReportDto, d: ConsolidatedDraft): { req: SaveConsolidatedReportRequest } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const dateText = d.documentDate.trim();
  const documentDate = dateText ? parseDmy(dateText) : null;
  if (dateText && !documentDate) errors['documentDate'] = 'open.badDate';
  if (!d.place.trim()) errors['place'] = 'open.required';
  if (Object.keys(errors).length) return { errors };
  return {
    req: {
      version: c.version,
      sections: { ...d.sections },
      documentNumber: d.documentNumber.trim() || null,
      place: d.place.trim(),
      documentDate,
      recipients: recipientLines(d.recipients),
      signerTitle: d.signerTitle.trim() || null,
      signerName: d.signerName.trim() || null,
    },
  };
}
