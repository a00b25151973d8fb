import { Injectable, InjectionToken, inject } from '@angular/core';
import type { NotificationStreamMessageDto } from '@dieu-hanh/shared/contracts';
import { AuthService, SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { Observable, share } from 'rxjs';

/** The fetch the live stream uses (tests give a fake; null where the platform has none: no live updates). */
export const NOTIFICATION_STREAM_FETCH = new InjectionToken<typeof fetch | null>('NOTIFICATION_STREAM_FETCH', {
  providedIn: 'root',
  factory: () => (typeof fetch === 'function' ? fetch.bind(globalThis) : null),
});

/** First reconnect delay, doubled per failed attempt up to 30 s (with jitter), reset by a stream that opened. */
export const NOTIFICATION_STREAM_BACKOFF_MS = new InjectionToken<number>('NOTIFICATION_STREAM_BACKOFF_MS', { providedIn: 'root', factory: () => 1000 });

export interface SseFrame {
  event: string;
  data: string;
}

/**
 * Splits Server-Sent Events text into complete frames (`event:` / `data:` lines, blank-line separated;
 * comment lines, heartbeats, skipped) and what is left for the next chunk. Pure.
 */
export function parseSse(buffer: string): { frames: SseFrame[]; rest: string } {
  const text = buffer.replace(/\r\n?/g, '\n');
  const frames: SseFrame[] = [];
  let start = 0;
  for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n', start)) {
    let event = 'message';
    const data: string[] = [];
    for (const line of text.slice(start, end).split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length || event !== 'message') frames.push({ event, data: data.join('\n') });
    start = end + 2;
  }
  return { frames, rest: text.slice(start) };
}

/**
 * The live notification stream of the API (`GET /notifications/stream`, Server-Sent Events), read with
 * fetch and a streamed body so the Bearer token goes in the Authorization header — EventSource cannot
 * send headers, and a token in the URL would end up in proxy logs. One connection per shell, shared by
 * every subscriber; it reconnects with backoff (and at once when the browser comes back online), with a
 * fresh token each time: the API ends a stream when its token expires. Emits `resync` each time a stream
 * opens (whatever happened while disconnected was not heard) and `changed` when the unit's notifications
 * changed; the bell then refetches through the scoped API.
 */
@Injectable({ providedIn: 'root' })
export class NotificationStream {
  private readonly base = inject(SHELL_CONFIG).apiUrl;
  private readonly auth = inject(AuthService);
  private readonly fetchFn = inject(NOTIFICATION_STREAM_FETCH);
  private readonly backoffMs = inject(NOTIFICATION_STREAM_BACKOFF_MS);

  readonly messages$: Observable<NotificationStreamMessageDto> = new Observable<NotificationStreamMessageDto>((subscriber) => {
    const fetchFn = this.fetchFn;
    if (!fetchFn) return undefined; // no live updates here; the bell still loads on open
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let controller: AbortController | null = null;

    const schedule = () => {
      if (stopped || timer) return;
      const delay = Math.min(this.backoffMs * 2 ** attempt, 30_000) * (0.75 + Math.random() / 4);
      attempt++;
      timer = setTimeout(() => {
        timer = null;
        void run();
      }, delay);
    };
    const online = () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
        attempt = 0;
        void run();
      }
    };

    const run = async (): Promise<void> => {
      if (stopped) return;
      const token = await this.auth.token().catch(() => null);
      if (stopped) return;
      if (!token) return; // signed out (or signing in again): nothing to listen to
      controller = new AbortController();
      try {
        const res = await fetchFn(`${this.base}/notifications/stream`, {
          headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        });
        if (!res.ok || !res.body) throw new Error(`notification stream: HTTP ${res.status}`);
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done || stopped) break;
          const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
          buffer = parsed.rest;
          for (const frame of parsed.frames) {
            if (frame.event === 'ready') {
              attempt = 0;
              subscriber.next({ reason: 'resync' });
            } else if (frame.event === 'notifications') {
              subscriber.next(readMessage(frame.data));
            }
          }
        }
      } catch {
        // Network gone, API restarting, token refused: try again below.
      } finally {
        controller = null;
      }
      schedule(); // the stream ended (token expired, API restarted) or failed: reconnect
    };

    if (typeof window !== 'undefined') window.addEventListener('online', online);
    void run();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
    };
  }).pipe(share());
}

function readMessage(data: string): NotificationStreamMessageDto {
  try {
    const m = JSON.parse(data) as Partial<NotificationStreamMessageDto>;
    return { reason: m.reason === 'resync' ? 'resync' : 'changed' };
  } catch {
    return { reason: 'resync' };
  }
}
