import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Opened on its own, the remote only says what it is: shells mount its `./routes`. */
@Component({
  selector: 'dh-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<main style="font-family: sans-serif; padding: 2rem">
    <h1>mfe-plans</h1>
    <p>Micro-frontend “Kế hoạch” (plan viewer, assignment detail). Các cổng (shells) nạp <code>./routes</code> khi chạy.</p>
  </main>`,
})
export class App {}
