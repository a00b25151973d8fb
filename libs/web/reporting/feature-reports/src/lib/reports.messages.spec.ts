import { REPORT_TEXT, reportText } from './reports.messages';

describe('REPORT_TEXT', () => {
  it('has every text in English as in Vietnamese', () => {
    expect(Object.keys(REPORT_TEXT.en).sort()).toEqual(Object.keys(REPORT_TEXT.vi).sort());
  });

  it('fills placeholders', () => {
    expect(reportText('vi', 'tracker.urged', { count: 3 })).toBe('Đã đôn đốc 3 đơn vị.');
    expect(reportText('en', 'tracker.urged', { count: 3 })).toBe('Urged 3 units.');
  });
});
