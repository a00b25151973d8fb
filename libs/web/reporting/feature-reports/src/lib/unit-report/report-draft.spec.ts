import { indicatorValue, taskEntry, unitReport } from '../testing';
import { draftOf, draftRate, saveRequest } from './report-draft';

describe('report draft', () => {
  it('sends the sections and only the task notes and indicator values that changed', () => {
    const r = unitReport({ tasks: [taskEntry(), taskEntry({ assignmentId: 'a2', note: 'Giữ nguyên' })], indicators: [indicatorValue(), indicatorValue({ indicatorId: 'i2', kind: 'value', value: 12 })] });
    const d = draftOf(r);
    d.sections.difficulties = 'Thiếu người';
    d.notes['a1'] = '  Đã hoàn thành 80%  ';
    d.values['i1'] = { ...d.values['i1'], numerator: '45', denominator: '50', evidence: 'Cổng DVC' };
    const built = saveRequest(r, d);
    expect(built).toEqual({
      changed: true,
      req: {
        version: 3,
        sections: { results: 'Đã triển khai', difficulties: 'Thiếu người', proposals: '' },
        taskNotes: [{ assignmentId: 'a1', note: 'Đã hoàn thành 80%' }],
        indicators: [{ indicatorId: 'i1', numerator: 45, denominator: 50, evidence: 'Cổng DVC' }],
      },
    });
    expect(draftRate(d.values['i1'])).toBe(90);
  });

  it('says nothing changed when nothing did', () => {
    const r = unitReport();
    expect(saveRequest(r, draftOf(r))).toMatchObject({ changed: false });
  });

  it('refuses numbers that are not, a rate without its denominator and a bad rank', () => {
    const r = unitReport({ indicators: [indicatorValue(), indicatorValue({ indicatorId: 'i2', kind: 'rank' }), indicatorValue({ indicatorId: 'i3', kind: 'value' })] });
    const d = draftOf(r);
    d.values['i1'].numerator = '12';
    d.values['i2'].rank = '2,5';
    d.values['i3'].value = 'mười';
    expect(saveRequest(r, d)).toEqual({ errors: { 'i1.denominator': 'editor.needDenominator', 'i2.rank': 'editor.badRank', 'i3.value': 'editor.badNumber' } });
  });

  it('requires a reason to change a report already submitted, and sends it', () => {
    const r = unitReport({ status: 'submitted' });
    const d = draftOf(r);
    d.sections.results = 'Sửa số liệu';
    expect(saveRequest(r, d)).toEqual({ errors: { reason: 'editor.reasonRequired' } });
    d.reason = 'Cập nhật số liệu tháng 12';
    expect(saveRequest(r, d)).toMatchObject({ req: { reason: 'Cập nhật số liệu tháng 12' } });
  });
});
