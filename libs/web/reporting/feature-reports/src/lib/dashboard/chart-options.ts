import type { CompletenessDto, IndicatorFigureDto, PeriodStatus, PortfolioPlanDto, StatusCountsDto, TrendPointDto, UnitProgressRowDto } from '@dieu-hanh/shared/contracts';
import type { EChartsCoreOption } from 'echarts/core';

/** The feature's text function (key, params) → text in the chosen language. */
export type Text = (key: string, params?: Record<string, string | number>) => string;

/** The statuses a stacked bar shows (they add up to the total). */
export const STATUS_PARTS = ['notStarted', 'inProgress', 'done', 'unable'] as const;
export type StatusPart = (typeof STATUS_PARTS)[number];
/** The heat map's columns: the four statuses, then overdue (which overlaps them). */
export const HEAT_COLUMNS = ['notStarted', 'inProgress', 'done', 'unable', 'overdue'] as const;
export type HeatColumn = (typeof HEAT_COLUMNS)[number];

export const STATUS_COLORS: Record<HeatColumn, string> = { notStarted: '#9aa7b4', inProgress: '#d9911a', done: '#1b6e3a', unable: '#b3261e', overdue: '#6b1410' };
const ATTAINMENT_COLORS: Record<IndicatorFigureDto['attainment'], string> = { met: '#1b6e3a', 'not-met': '#b3261e', unknown: '#7d8a96', 'no-data': '#c5ced6' };

/** "Chưa thực hiện", … for a column (count field name). */
export function columnLabel(t: Text, c: HeatColumn): string {
  return t(`col.${c}`);
}

const grid = { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
const textStyle = { fontFamily: 'Roboto, "Noto Sans", Arial, sans-serif' };

/** A horizontal stacked bar of units (or plans) by status: one bar per row, one series per status. */
export function stackedStatusOption(rows: { label: string; counts: StatusCountsDto }[], t: Text): EChartsCoreOption {
  const labels = rows.map((r) => r.label);
  return {
    textStyle,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: STATUS_PARTS.map((p) => columnLabel(t, p)) },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 180, overflow: 'truncate' } },
    series: STATUS_PARTS.map((p) => ({
      name: columnLabel(t, p),
      type: 'bar',
      stack: 'total',
      barMaxWidth: 22,
      itemStyle: { color: STATUS_COLORS[p] },
      emphasis: { focus: 'series' },
      data: rows.map((r) => r.counts[p]),
    })),
  };
}

export function portfolioOption(plans: PortfolioPlanDto[], t: Text): EChartsCoreOption {
  return stackedStatusOption(plans.map((p) => ({ label: p.planSymbol, counts: p.counts })), t);
}

export function departmentsOption(rows: UnitProgressRowDto[], t: Text): EChartsCoreOption {
  return stackedStatusOption(rows.map((r) => ({ label: r.unitName, counts: r.counts })), t);
}

/** The communes × status heat map: rows = units, columns = the four statuses and overdue; a cell = a count. */
export function heatmapOption(rows: UnitProgressRowDto[], t: Text): EChartsCoreOption {
  const data: [number, number, number][] = [];
  let max = 0;
  rows.forEach((r, y) =>
    HEAT_COLUMNS.forEach((c, x) => {
      const v = r.counts[c];
      max = Math.max(max, v);
      data.push([x, y, v]);
    }),
  );
  return {
    textStyle,
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    xAxis: { type: 'category', data: HEAT_COLUMNS.map((c) => columnLabel(t, c)), splitArea: { show: true }, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'category', data: rows.map((r) => r.unitName), inverse: true, splitArea: { show: true }, axisLabel: { width: 160, overflow: 'truncate' } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#f3f6f9', '#9ec5e8', '#0b3d6b'] } },
    series: [{ name: t('dash.heatmap'), type: 'heatmap', data, label: { show: true }, emphasis: { itemStyle: { borderColor: '#1c2530', borderWidth: 1 } } }],
  };
}

/** The heat map's height: a row per unit, so every name stays readable (the box scrolls). */
export function heatmapHeight(units: number): number {
  return Math.max(160, units * 24 + 90);
}

/** The rate indicators' city figures (percent) as bars coloured by attainment. */
export function indicatorsOption(indicators: IndicatorFigureDto[], t: Text): EChartsCoreOption {
  const rates = indicators.filter((i) => i.kind === 'rate' && i.value !== null);
  return {
    textStyle,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { ...grid, top: 16 },
    xAxis: { type: 'category', data: rates.map((i) => t('dash.indicatorN', { n: i.ordinal })) },
    yAxis: { type: 'value', min: 0, max: Math.max(100, ...rates.map((i) => Math.ceil(i.value ?? 0))), axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('indicator.figure'),
        type: 'bar',
        barMaxWidth: 36,
        data: rates.map((i) => ({ value: Math.round((i.value ?? 0) * 10) / 10, name: i.name, itemStyle: { color: ATTAINMENT_COLORS[i.attainment] } })),
        label: { show: true, position: 'top', formatter: '{c}%' },
      },
    ],
  };
}

/** Completeness and timeliness of each period (percent), two bars per period; a click opens its tracker. */
export function completenessOption(periods: { label: string; completeness: CompletenessDto }[], t: Text): EChartsCoreOption {
  const pct = (v: number) => Math.round(v * 1000) / 10;
  return {
    textStyle,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('dash.completeness'), t('dash.timeliness')] },
    grid,
    xAxis: { type: 'category', data: periods.map((p) => p.label), axisLabel: { interval: 0, width: 100, overflow: 'break' } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('dash.completeness'), type: 'bar', barMaxWidth: 28, itemStyle: { color: '#0b3d6b' }, data: periods.map((p) => pct(p.completeness.completeness)) },
      { name: t('dash.timeliness'), type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1b6e3a' }, data: periods.map((p) => pct(p.completeness.timeliness)) },
    ],
  };
}

/** Weekly progress reports and completions over time (weeks as dd/MM). */
export function trendOption(trend: TrendPointDto[], t: Text): EChartsCoreOption {
  return {
    textStyle,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('dash.progressReports'), t('dash.completed')] },
    grid,
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((p) => weekLabel(p.week)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('dash.progressReports'), type: 'line', smooth: true, symbolSize: 6, itemStyle: { color: '#0b3d6b' }, data: trend.map((p) => p.progressReports) },
      { name: t('dash.completed'), type: 'line', smooth: true, symbolSize: 6, itemStyle: { color: '#1b6e3a' }, areaStyle: { opacity: 0.08 }, data: trend.map((p) => p.completed) },
    ],
  };
}

/** "2025-11-24" → "24/11". */
export function weekLabel(week: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(week);
  return m ? `${m[3]}/${m[2]}` : week;
}

/** What a click on a chart says (ECharts' event, reduced to what the mapping reads). */
export interface ChartClick {
  componentType?: string;
  seriesType?: string;
  seriesIndex?: number;
  dataIndex?: number;
  value?: unknown;
  data?: unknown;
}

/** The unit and column a click on the heat map (a cell) or a stacked bar (a segment) points at. */
export function drillTarget(e: ChartClick, rows: UnitProgressRowDto[]): { unit: UnitProgressRowDto; column: HeatColumn } | null {
  if (e.seriesType === 'heatmap') {
    const v = (Array.isArray(e.value) ? e.value : Array.isArray(e.data) ? e.data : null) as number[] | null;
    if (!v) return null;
    const unit = rows[v[1]];
    const column = HEAT_COLUMNS[v[0]];
    return unit && column ? { unit, column } : null;
  }
  if (e.seriesType === 'bar' && e.dataIndex !== undefined && e.seriesIndex !== undefined) {
    const unit = rows[e.dataIndex];
    const column = STATUS_PARTS[e.seriesIndex];
    return unit && column ? { unit, column } : null;
  }
  return null;
}

/** One sentence a screen reader reads for a stacked bar chart (the figures are in the table too). */
export function stackedSummary(rows: { label: string; counts: StatusCountsDto }[], t: Text): string {
  const total = rows.reduce((n, r) => n + r.counts.total, 0);
  const done = rows.reduce((n, r) => n + r.counts.done, 0);
  const overdue = rows.reduce((n, r) => n + r.counts.overdue, 0);
  return t('dash.stackedSummary', { rows: rows.length, total, done, overdue });
}

export function periodStatusLabel(t: Text, s: PeriodStatus): string {
  return t(`period.status.${s}`);
}
