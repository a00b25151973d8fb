import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true
});

// jsdom has no ResizeObserver; ngx-echarts needs one to start (the charts themselves are faked in specs).
if (!('ResizeObserver' in globalThis)) {
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {
      /* nothing to observe in jsdom */
    }
    unobserve(): void {
      /* nothing */
    }
    disconnect(): void {
      /* nothing */
    }
  };
}
