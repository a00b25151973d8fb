import { counts, figure, unitRow } from '../testing';
import { reportText } from '../reports.messages';
import {
  HEAT_COLUMNS,
  completenessOption,
  departmentsOption,
  drillTarget,
  heatmapHeight,
  heatmapOption,
  indicatorsOption,
  portfolioOption,
  stackedSummary,
  trendOption,
  weekLabel,
} from './chart-options';
import { segments } from './portfolio';
import { drillQuery } from './plan-dashboard';

const t = (key: string, params?: Record<string, string | number>) => reportText('vi', key, params);
// The options are plain objects: read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('chart options', () => {
  const rows = [unitRow(), unitRow({ unitCode: '00004', unitName: 'Phường Ba Đình', counts: counts({ total: 3, done: 3, overdue: 0 }) })];

  it('a stacked bar has one series per status, stacked, with each unit’s counts', () => {
    const o: Loose = departmentsOption(rows, t);
    expect(o.yAxis.data).toEqual(['Phường Hoàn Kiếm', 'Phường Ba Đình']);
    expect(o.series.map((s: Loose) => [s.name, s.stack, s.data])).toEqual([
      ['Chưa thực hiện', 'total', [2, 0]],
      ['Đang thực hiện', 'total', [1, 0]],
      ['Hoàn thành', 'total', [1, 3]],
      ['Không thực hiện được', 'total', [1, 0]],
    ]);
    const p: Loose = portfolioOption([{ planId: 'p1', planTitle: 'KH', planSymbol: '402/KH-UBND', year: 2025, focalUnitCode: null, counts: counts({ total: 4, done: 4 }), latestPeriod: null }], t);
    expect(p.yAxis.data).toEqual(['402/KH-UBND']);
    expect(p.series[2].data).toEqual([4]);
  });

  it('the heat map has units as rows and the five columns, a cell per unit and column, scaled to the largest count', () => {
    const o: Loose = heatmapOption(rows, t);
    expect(o.xAxis.data).toEqual(['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Không thực hiện được', 'Quá hạn']);
    expect(o.yAxis.data).toEqual(['Phường Hoàn Kiếm', 'Phường Ba Đình']);
    expect(o.series[0].type).toBe('heatmap');
    expect(o.series[0].data).toHaveLength(10);
    expect(o.series[0].data).toContainEqual([4, 0, 2]);
    expect(o.series[0].data).toContainEqual([2, 1, 3]);
    expect(o.visualMap.max).toBe(3);
    expect(heatmapHeight(126)).toBe(126 * 24 + 90);
  });

  it('a click on a heat map cell or on a bar segment drills down to that unit and column', () => {
    expect(drillTarget({ seriesType: 'heatmap', value: [4, 1, 0] }, rows)).toEqual({ unit: rows[1], column: 'overdue' });
    expect(drillTarget({ seriesType: 'bar', seriesIndex: 2, dataIndex: 0 }, rows)).toEqual({ unit: rows[0], column: 'done' });
    expect(drillTarget({ seriesType: 'line', dataIndex: 0 }, rows)).toBeNull();
    expect(drillTarget({ seriesType: 'heatmap', value: [1, 9, 0] }, rows)).toBeNull();
    expect(HEAT_COLUMNS).toHaveLength(5);
  });

  it('the drill-down asks the execution list for the unit’s assignments by status, or overdue', () => {
    expect(drillQuery('p1', '00070', 'inProgress')).toEqual({ planId: 'p1', unitCode: '00070', status: 'in-progress', limit: 50, offset: 0 });
    expect(drillQuery('p1', '00070', 'overdue')).toEqual({ planId: 'p1', unitCode: '00070', urgency: 'overdue', limit: 50, offset: 0 });
  });

  it('indicators: the rate figures as bars coloured by attainment', () => {
    const o: Loose = indicatorsOption([figure(), figure({ indicatorId: 'i2', ordinal: 2, value: 60, attainment: 'not-met' }), figure({ indicatorId: 'i3', ordinal: 3, kind: 'value', value: 12 }), figure({ indicatorId: 'i4', ordinal: 4, value: null })], t);
    expect(o.xAxis.data).toEqual(['CT 1', 'CT 2']);
    expect(o.series[0].data.map((d: Loose) => [d.value, d.itemStyle.color])).toEqual([[85, '#1b6e3a'], [60, '#b3261e']]);
    expect(o.yAxis.max).toBe(100);
  });

  it('completeness and timeliness per period in percent; the weekly trend as two lines', () => {
    const c: Loose = completenessOption([{ label: 'Quý IV/2025', completeness: { expected: 30, submitted: 12, onTime: 10, accepted: 0, completeness: 0.4, timeliness: 1 / 3 } }], t);
    expect(c.xAxis.data).toEqual(['Quý IV/2025']);
    expect(c.series.map((s: Loose) => s.data)).toEqual([[40], [33.3]]);
    const tr: Loose = trendOption([{ week: '2025-11-24', progressReports: 12, completed: 2 }, { week: '2025-12-01', progressReports: 20, completed: 5 }], t);
    expect(tr.xAxis.data).toEqual(['24/11', '01/12']);
    expect(tr.series.map((s: Loose) => [s.type, s.data])).toEqual([['line', [12, 20]], ['line', [2, 5]]]);
    expect(weekLabel('bad')).toBe('bad');
  });

  it('summaries and the portfolio’s stacked segments', () => {
    expect(stackedSummary(rows.map((r) => ({ label: r.unitName, counts: r.counts })), t)).toBe('Biểu đồ 2 dòng: 8 nhiệm vụ, 4 hoàn thành, 2 quá hạn. Số liệu chi tiết ở bảng bên dưới.');
    expect(segments(counts({ total: 4, notStarted: 1, done: 3 })).map((s) => [s.part, s.width])).toEqual([['notStarted', 25], ['inProgress', 0], ['done', 75], ['unable', 0]]);
    expect(segments(counts()).every((s) => s.width === 0)).toBe(true);
  });
});
