/**
 * ECharts, tree-shaken: only the charts and components the dashboards use, on the canvas renderer.
 * Loaded on first chart (provideEchartsCore with a dynamic import in the dashboard routes), bundled by
 * the mfe-plans remote (not shared through Native Federation).
 */
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendPlainComponent, VisualMapContinuousComponent, CanvasRenderer]);

export default echarts;
