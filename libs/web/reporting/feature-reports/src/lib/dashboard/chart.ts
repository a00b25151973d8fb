import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { ChartClick } from './chart-options';

/**
 * One ECharts chart (ngx-echarts) with a spoken summary: the canvas is `role="img"` with an aria-label,
 * and every page puts the same figures in a table beside it — a chart is never the only carrier.
 */
@Component({
  selector: 'dh-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div echarts class="dh-chart" role="img" [attr.aria-label]="summary()" [options]="options()" [autoResize]="true" [style.height.px]="height()" (chartClick)="clicked.emit($event)" data-testid="chart"></div>`,
  styles: `:host { display: block; } .dh-chart { width: 100%; min-height: 160px; }`,
})
export class Chart {
  readonly options = input.required<EChartsCoreOption>();
  readonly summary = input.required<string>();
  readonly height = input(300);
  readonly clicked = output<ChartClick>();
}
