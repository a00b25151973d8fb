import { AggregateRoot } from './aggregate-root';
import { domainEvent } from './domain-event';

class Thing extends AggregateRoot {
  touch(): void {
    this.record(domainEvent('test.touched', 'thing', 't1', { n: 1 }));
  }
}

describe('AggregateRoot', () => {
  it('hands out recorded events once', () => {
    const t = new Thing();
    t.touch();
    t.touch();
    expect(t.pullEvents().map((e) => e.type)).toEqual(['test.touched', 'test.touched']);
    expect(t.pullEvents()).toEqual([]);
  });
});
