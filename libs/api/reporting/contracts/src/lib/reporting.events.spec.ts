import { domainEvent } from '@dieu-hanh/api/shared/kernel';
import { REPORTING_EVENT_TYPES, ReportingEventType, isReportingEvent, reportingEvent } from './reporting.events';

const period = { planId: 'p1', planTitle: 'Kế hoạch 402', periodId: 'q4', periodLabel: 'Quý IV/2025', focalUnitCode: '01-SKHCN' };

describe('reporting events', () => {
  it('go on their own streams: periods, unit reports, consolidated reports, exports', () => {
    expect(reportingEvent(ReportingEventType.ReportsUrged, 'q4', { ...period, unitCodes: ['00070'], message: null, dueDate: '2025-12-31' })).toMatchObject({
      type: 'reporting.reports-urged',
      aggregateType: 'report-period',
      aggregateId: 'q4',
    });
    const submitted = reportingEvent(ReportingEventType.UnitReportSubmitted, 'r1', { ...period, reportId: 'r1', unitCode: '00070', revision: 1, status: 'submitted', onTime: true, figures: [], reason: null });
    expect(submitted.aggregateType).toBe('unit-report');
    const approved = reportingEvent(ReportingEventType.ConsolidatedReportApproved, 'c1', { ...period, reportId: 'c1', revision: 1, status: 'approved', issuerUnitCode: '01-UBND', reason: null });
    expect(approved.aggregateType).toBe('consolidated-report');
    expect(reportingEvent(ReportingEventType.ExportRequested, 'x1', { exportId: 'x1', subject: 'consolidated-report', subjectId: 'c1', format: 'docx' }).aggregateType).toBe('export');
  });

  it('narrow a stored event by its type only', () => {
    const e = reportingEvent(ReportingEventType.PeriodClosed, 'q4', { ...period, submitted: 3, expected: 5 });
    expect(isReportingEvent(e, ReportingEventType.PeriodClosed)).toBe(true);
    expect(isReportingEvent(e, ReportingEventType.PeriodOpened)).toBe(false);
    expect(isReportingEvent(domainEvent('execution.urged', 'assignment', 'a1', {}), ReportingEventType.ReportsUrged)).toBe(false);
  });

  it('have unique, context-prefixed names (stored names never change)', () => {
    expect(new Set(REPORTING_EVENT_TYPES).size).toBe(REPORTING_EVENT_TYPES.length);
    expect(REPORTING_EVENT_TYPES.every((t) => /^reporting\.[a-z-]+$/.test(t))).toBe(true);
  });
});
