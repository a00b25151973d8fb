import { TestBed } from '@angular/core/testing';
import type { NotificationStreamMessageDto } from '@dieu-hanh/shared/contracts';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { NOTIFICATION_STREAM_BACKOFF_MS, NOTIFICATION_STREAM_FETCH, NotificationStream, parseSse } from './notification-bell.stream';

describe('parseSse', () => {
  it('splits frames across chunks, skips heartbeats, keeps the unfinished rest', () => {
    const a = parseSse('retry: 3000\n\nevent: ready\ndata: {"reason":"resync"}\n\n: 1700000\n\nevent: notifications\ndata: {"rea');
    expect(a.frames).toEqual([{ event: 'ready', data: '{"reason":"resync"}' }]);
    const b = parseSse(a.rest + 'son":"changed"}\r\n\r\n');
    expect(b).toEqual({ frames: [{ event: 'notifications', data: '{"reason":"changed"}' }], rest: '' });
  });
});

/** A fetch answering with a stream whose chunks the test pushes; records the requests. */
function fakeFetch() {
  const calls: { url: string; auth: string | undefined; signal: AbortSignal }[] = [];
  const streams: { push(text: string): void; end(): void }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    const queue: (Uint8Array | null)[] = [];
    let wake: (() => void) | null = null;
    const signal = init.signal as AbortSignal;
    calls.push({ url, auth: (init.headers as Record<string, string>)['Authorization'], signal });
    streams.push({
      push: (t) => {
        queue.push(new TextEncoder().encode(t));
        wake?.();
      },
      end: () => {
        queue.push(null);
        wake?.();
      },
    });
    return {
      ok: true,
      status: 200,
      body: {
        getReader: () => ({
          read: async () => {
            while (!queue.length) {
              if (signal.aborted) throw new Error('aborted');
              await new Promise<void>((r) => (wake = r));
            }
            const next = queue.shift();
            return next ? { done: false, value: next } : { done: true, value: undefined };
          },
        }),
      },
    };
  }) as unknown as typeof fetch;
  return { fn, calls, streams };
}

describe('NotificationStream', () => {
  it('reads the stream with the Bearer token in a header, emits resync on open and changes, and reconnects with a fresh token when it ends', async () => {
    const fake = fakeFetch();
    let n = 0;
    TestBed.configureTestingModule({
      providers: [
        { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } },
        { provide: AuthService, useValue: { token: async () => `t${++n}` } },
        { provide: NOTIFICATION_STREAM_FETCH, useValue: fake.fn },
        { provide: NOTIFICATION_STREAM_BACKOFF_MS, useValue: 10 },
      ],
    });
    const got: NotificationStreamMessageDto[] = [];
    const sub = TestBed.inject(NotificationStream).messages$.subscribe((m) => got.push(m));
    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
      expect(cond()).toBe(true);
    };
    await until(() => fake.streams.length === 1);
    expect(fake.calls[0]).toMatchObject({ url: 'http://api/notifications/stream', auth: 'Bearer t1' });
    fake.streams[0].push('retry: 3000\n\nevent: ready\ndata: {"reason":"resync","listening":true}\n\n');
    fake.streams[0].push(': 123\n\nevent: notifications\ndata: {"reason":"changed"}\n\n');
    await until(() => got.length === 2);
    expect(got).toEqual([{ reason: 'resync' }, { reason: 'changed' }]);

    // The token expired: the API ends the stream; the client comes back with a new token and resyncs.
    fake.streams[0].push('event: expired\ndata: {"reason":"token-expired"}\n\n');
    fake.streams[0].end();
    await until(() => fake.streams.length === 2);
    expect(fake.calls[1].auth).toBe('Bearer t2');
    fake.streams[1].push('event: ready\ndata: {}\n\n');
    await until(() => got.length === 3);
    expect(got[2]).toEqual({ reason: 'resync' });

    sub.unsubscribe();
    expect(fake.calls[1].signal.aborted).toBe(true);
  });

  it('does not connect when nobody is signed in or the platform has no fetch', async () => {
    const fake = fakeFetch();
    TestBed.configureTestingModule({
      providers: [
        { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } },
        { provide: AuthService, useValue: { token: async () => null } },
        { provide: NOTIFICATION_STREAM_FETCH, useValue: fake.fn },
      ],
    });
    const sub = TestBed.inject(NotificationStream).messages$.subscribe();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.calls).toEqual([]);
    sub.unsubscribe();
  });
});
