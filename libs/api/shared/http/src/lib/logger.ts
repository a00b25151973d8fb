import type { Params } from 'nestjs-pino';
import { requestIdFor } from './request-id';

/** Structured JSON logs (pino) with the request id on every line; tokens never reach the log. */
export function loggerParams(level = process.env['LOG_LEVEL'] ?? 'info'): Params {
  return {
    pinoHttp: {
      level,
      genReqId: requestIdFor,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
