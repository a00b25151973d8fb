import type { IndicatorValueDto, IndicatorValueRequest, ReportSectionsDto, SaveUnitReportRequest, UnitReportDto } from '@dieu-hanh/shared/contracts';
import { numberInput, parseNumberVi, ratePercent } from '../shared/format';

/** An indicator's value as its inputs hold it (text, Vietnamese decimal comma allowed). */
export interface IndicatorDraft {
  numerator: string;
  denominator: string;
  value: string;
  rank: string;
  evidence: string;
}

/** What the editor holds while the unit writes: the three sections, a note per task, the indicators' inputs. */
export interface ReportDraft {
  sections: ReportSectionsDto;
  notes: Record<string, string>;
  values: Record<string, IndicatorDraft>;
  reason: string;
}

export function indicatorDraft(i: IndicatorValueDto): IndicatorDraft {
  return { numerator: numberInput(i.numerator), denominator: numberInput(i.denominator), value: numberInput(i.value), rank: numberInput(i.rank), evidence: i.evidence ?? '' };
}

/** The draft of a report as the API answered it (nothing changed yet). */
export function draftOf(r: UnitReportDto): ReportDraft {
  return {
    sections: { ...r.sections },
    notes: Object.fromEntries(r.tasks.map((t) => [t.assignmentId, t.note ?? ''])),
    values: Object.fromEntries(r.indicators.map((i) => [i.indicatorId, indicatorDraft(i)])),
    reason: '',
  };
}

/** A rate's percent from the inputs, as the unit types them (null when it cannot be computed yet). */
export function draftRate(d: IndicatorDraft | undefined): number | null {
  if (!d) return null;
  return ratePercent(parseNumberVi(d.numerator), parseNumberVi(d.denominator));
}

/** Changes need a reason once the report has been submitted in this period (submitted or returned). */
export function needsReason(r: Pick<UnitReportDto, 'status'>): boolean {
  return r.status === 'submitted' || r.status === 'returned';
}

/**
 * PUT /reporting/reports/:id from the draft: the sections, and only the task notes and indicator values
 * that changed; or the fields at fault (key → message key): a number that is not one, a rate without its
 * denominator, a missing reason.
 */
export function saveRequest(r: UnitReportDto, d: ReportDraft): { req: SaveUnitReportRequest; changed: boolean } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const taskNotes: { assignmentId: string; note: string | null }[] = [];
  for (const t of r.tasks) {
    const note = (d.notes[t.assignmentId] ?? '').trim();
    if (note !== (t.note ?? '').trim()) taskNotes.push({ assignmentId: t.assignmentId, note: note || null });
  }
  const indicators: IndicatorValueRequest[] = [];
  for (const i of r.indicators) {
    const v = d.values[i.indicatorId];
    if (!v) continue;
    const before = indicatorDraft(i);
    const same = v.numerator.trim() === before.numerator && v.denominator.trim() === before.denominator && v.value.trim() === before.value && v.rank.trim() === before.rank && v.evidence.trim() === before.evidence.trim();
    if (same) continue;
    const num = (field: keyof IndicatorDraft) => {
      const n = parseNumberVi(v[field]);
      if (n !== null && Number.isNaN(n)) errors[`${i.indicatorId}.${field}`] = 'editor.badNumber';
      return n;
    };
    const evidence = v.evidence.trim() || null;
    if (i.kind === 'rate') {
      const numerator = num('numerator');
      const denominator = num('denominator');
      if (numerator !== null && !Number.isNaN(numerator) && denominator === null) errors[`${i.indicatorId}.denominator`] = 'editor.needDenominator';
      if (denominator !== null && !Number.isNaN(denominator) && denominator <= 0) errors[`${i.indicatorId}.denominator`] = 'editor.positive';
      indicators.push({ indicatorId: i.indicatorId, numerator, denominator, evidence });
    } else if (i.kind === 'rank') {
      const rank = num('rank');
      if (rank !== null && !Number.isNaN(rank) && (!Number.isInteger(rank) || rank < 1)) errors[`${i.indicatorId}.rank`] = 'editor.badRank';
      indicators.push({ indicatorId: i.indicatorId, rank, evidence });
    } else {
      indicators.push({ indicatorId: i.indicatorId, value: num('value'), evidence });
    }
  }
  const sections = { results: d.sections.results, difficulties: d.sections.difficulties, proposals: d.sections.proposals };
  const sectionsChanged = sections.results !== r.sections.results || sections.difficulties !== r.sections.difficulties || sections.proposals !== r.sections.proposals;
  const changed = sectionsChanged || taskNotes.length > 0 || indicators.length > 0;
  const reason = d.reason.trim();
  if (changed && needsReason(r) && !reason) errors['reason'] = 'editor.reasonRequired';
  if (Object.keys(errors).length) return { errors };
  const req: SaveUnitReportRequest = { version: r.version, sections };
  if (taskNotes.length) req.taskNotes = taskNotes;
  if (indicators.length) req.indicators = indicators;
  if (reason && needsReason(r)) req.reason = reason;
  return { req, changed };
}
