import { vietnamDate } from './iso-date';

/** Injected so handlers and tests agree on "now" and on what day it is. */
export abstract class Clock {
  abstract now(): Date;

  /** Today in Vietnam (yyyy-MM-dd): the day dates, deadlines and successions are counted on. */
  today(): string {
    return vietnamDate(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
