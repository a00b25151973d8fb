import { Controller, Get, Inject, Optional, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotificationMailbox } from '@dieu-hanh/api/notification/application';
import { NotificationLive } from '@dieu-hanh/api/notification/infrastructure';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { NotificationStreamMessageDto } from '@dieu-hanh/shared/contracts';
import type { Request, Response } from 'express';

export interface NotificationStreamOptions {
  /** A comment line every so often keeps proxies and NATs from closing an idle stream, in ms. */
  heartbeatMs: number;
}
export const NOTIFICATION_STREAM_OPTIONS = Symbol('NOTIFICATION_STREAM_OPTIONS');

export function notificationStreamOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationStreamOptions {
  return { heartbeatMs: Number(env['NOTIFICATION_HEARTBEAT_MS'] ?? 25_000) };
}

/**
 * `GET /notifications/stream`: Server-Sent Events telling an open shell that its unit's notifications
 * changed (`event: notifications`, data `{"reason":"changed"|"resync"}`); the shell then refetches the
 * list through the scoped API, so the stream never carries more than the caller may see anyway.
 *
 * Authenticated like every route, by the Bearer token in the Authorization header (the web reads the
 * stream with fetch, not EventSource, which cannot send headers; no token ever travels in a URL). The
 * stream ends when the token expires (`event: expired`): the client reconnects with a fresh one, so a
 * revoked account does not keep listening. Heartbeats every `NOTIFICATION_HEARTBEAT_MS` (25 s).
 */
@ApiTags('Thông báo / Notifications')
@ApiProblemResponses(401, 503)
@Controller('notifications')
export class NotificationStreamController {
  private readonly options: NotificationStreamOptions;

  constructor(
    private readonly live: NotificationLive,
    private readonly mailbox: NotificationMailbox,
    @Optional() @Inject(NOTIFICATION_STREAM_OPTIONS) options?: Partial<NotificationStreamOptions>,
  ) {
    this.options = { ...notificationStreamOptionsFromEnv(), ...options };
  }

  @Get('stream')
  @ApiOperation({
    summary:
      'Thông báo trực tiếp / Live notifications (Server-Sent Events): `event: notifications` when my unit’s notifications change; refetch GET /notifications/groups',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'An event stream: `event: ready`, then `event: notifications` with `{"reason":"changed"|"resync"}`, comment heartbeats, `event: expired` when the token expires',
    // A stream of bytes for as long as the token lasts (documented like a download: a binary string).
    content: { 'text/event-stream': { schema: { type: 'string', format: 'binary', example: 'event: notifications\ndata: {"reason":"changed"}\n\n' } } },
  })
  stream(@CurrentScope() scope: AccessScope, @Req() req: Request, @Res() res: Response): void {
    this.mailbox.seen(scope);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Accel-Buffering', 'no'); // nginx: pass each event through at once
    res.setHeader('Connection', 'keep-alive');
    res.flushHeaders();
    req.socket.setNoDelay(true);
    req.socket.setKeepAlive(true);

    let ended = false;
    const write = (chunk: string) => {
      if (!ended) res.write(chunk);
    };
    const event = (name: string, data: unknown) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(expiry);
      unsubscribe();
      res.end();
    };

    const unsubscribe = this.live.subscribe({
      unitCode: scope.unitCode,
      communeCode: scope.tier === 2 ? scope.communeCode : null,
      send: (message: NotificationStreamMessageDto) => event('notifications', message),
      close: end,
    });
    const heartbeat = setInterval(() => write(`: ${Date.now()}\n\n`), this.options.heartbeatMs);
    heartbeat.unref();
    const msLeft = tokenExpiresInMs(req.headers.authorization);
    const expiry = setTimeout(
      () => {
        event('expired', { reason: 'token-expired' });
        end();
      },
      Math.max(1000, Math.min(msLeft, 2 ** 31 - 1)),
    );
    expiry.unref();
    // The response's 'close' (the client went away, or we ended it), not the request's: a request's
    // 'close' also fires once its (empty) body has been read.
    res.on('close', end);
    res.on('error', end);

    write(`retry: 3000\n\n`);
    event('ready', { reason: 'resync', listening: this.live.listening });
  }
}

/** Milliseconds until the (already verified) Bearer token's `exp`; a day when it names none. */
function tokenExpiresInMs(authorization: string | undefined): number {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  try {
    const payload = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof payload.exp === 'number') return payload.exp * 1000 - Date.now();
  } catch {
    /* not a JWT: the guard would have refused it */
  }
  return 24 * 3600 * 1000;
}
