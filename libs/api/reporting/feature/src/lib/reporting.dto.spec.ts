import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ExportBody, OpenPeriodBody, SaveConsolidatedBody, SaveUnitReportBody } from './reporting.dto';

const fieldsOf = async (cls: new () => object, body: object) => {
  const errors = await validate(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true });
  const walk = (es: typeof errors, path: string[]): string[] =>
    es.flatMap((e) => (e.children?.length ? walk(e.children, [...path, e.property]) : [[...path, e.property].join('.')]));
  return walk(errors, []).sort();
};

/** Reporting's request bodies: what the screens send gets through; the rest is refused field by field. */
describe('reporting request bodies', () => {
  it('a regular or ad hoc period', async () => {
    expect(await fieldsOf(OpenPeriodBody, { kind: 'quarter', reference: '2025-11-15' })).toEqual([]);
    expect(await fieldsOf(OpenPeriodBody, { kind: 'ad-hoc', title: 'Báo cáo đột xuất', startDate: '2025-11-01', endDate: '2025-11-30', dueDate: '2025-12-05', requiresUnitApproval: true })).toEqual([]);
    expect(await fieldsOf(OpenPeriodBody, { kind: 'fortnight', reference: '2025-13-01', extra: 1 })).toEqual(['extra', 'kind', 'reference']);
  });

  it('a unit report: sections, notes and indicator values, each checked inside its list', async () => {
    const ok = {
      version: 3,
      sections: { results: 'Đã tổ chức 12 lớp', difficulties: '', proposals: '' },
      taskNotes: [{ assignmentId: '0b5a3c1e-9a4b-4c8e-8d2f-1a2b3c4d5e6f', note: null }],
      indicators: [{ indicatorId: '0b5a3c1e-9a4b-4c8e-8d2f-1a2b3c4d5e6f', numerator: 10, denominator: 100, evidence: 'Điều tra hộ' }],
      reason: 'Bổ sung số liệu',
    };
    expect(await fieldsOf(SaveUnitReportBody, ok)).toEqual([]);
    const bad = { version: 0, sections: { results: 5 }, indicators: [{ indicatorId: 'x', numerator: Number.NaN, rank: 0 }] };
    expect(await fieldsOf(SaveUnitReportBody, bad)).toEqual(['indicators.0.indicatorId', 'indicators.0.numerator', 'indicators.0.rank', 'sections.results', 'version']);
  });

  it('a consolidated report’s document fields', async () => {
    expect(await fieldsOf(SaveConsolidatedBody, { version: 2, documentNumber: '125/BC-SKHCN', documentDate: '2025-12-20', recipients: ['Lưu: VT.'], signerTitle: null })).toEqual([]);
    expect(await fieldsOf(SaveConsolidatedBody, { version: 2, documentDate: '20/12/2025', recipients: 'UBND', place: '' })).toEqual(['documentDate', 'place', 'recipients']);
  });

  it('an export names a known subject and format', async () => {
    expect(await fieldsOf(ExportBody, { subject: 'consolidated-report', id: '0b5a3c1e-9a4b-4c8e-8d2f-1a2b3c4d5e6f', format: 'docx' })).toEqual([]);
    expect(await fieldsOf(ExportBody, { subject: 'everything', id: '1', format: 'zip' })).toEqual(['format', 'id', 'subject']);
  });
});
