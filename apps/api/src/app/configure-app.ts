import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { assignRequestId, jsonBody } from '@dieu-hanh/api/shared/http';
import type { ApiConfig } from './api.config';
import { buildOpenApiDocument } from './openapi';

/** HTTP concerns applied to the app in production and in tests alike. */
export function configureApp(app: INestApplication, config: Pick<ApiConfig, 'bodyLimit' | 'corsOrigins'>): void {
  app.useLogger(app.get(Logger));
  // Strict JSON only, with a size limit; parse failures become problem+json 400/413 in ProblemFilter.
  app.use(assignRequestId);
  // Security headers and CORS come before the body parser, so its refusals carry them too.
  app.use(securityHeaders());
  app.enableCors(corsFor(config.corsOrigins));
  app.use(jsonBody(config.bodyLimit));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  // Answers are no-store (they depend on the token), so Express's ETag — a SHA-1 of every body, 118 KB
  // for a plan's roll-up — is work no client can use.
  app.getHttpAdapter().getInstance().set('etag', false);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

const isDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/') || path.startsWith('/api/docs-');

/**
 * helmet on every answer: the API's JSON gets a CSP that allows nothing (`default-src 'none';
 * frame-ancestors 'none'`) and `Cache-Control: no-store` (answers depend on the caller's token);
 * Swagger UI under /api/docs gets a CSP that lets its own scripts, inline styles and data: images run.
 * HSTS is left to the TLS-terminating proxy (docker/proxy/nginx.conf sends it over HTTPS only).
 */
function securityHeaders() {
  const common = { strictTransportSecurity: false, referrerPolicy: { policy: 'no-referrer' as const } };
  const api = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
  });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin'); // CORS headers differ by origin
    if (isDocs(req.path)) return docs(req, res, next);
    res.setHeader('Cache-Control', 'no-store');
    return api(req, res, next);
  };
}

/**
 * CORS only for the configured origins: they get Allow-Origin and Allow-Credentials; any other origin
 * gets no CORS header at all (a list given to `origin` still sent Allow-Credentials to everyone).
 */
function corsFor(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (req: Request, callback: (err: Error | null, options: { origin: string | false; credentials?: boolean; exposedHeaders?: string[] }) => void) => {
    const origin = req.headers.origin;
    callback(null, typeof origin === 'string' && allowed.has(origin) ? { origin, credentials: true, exposedHeaders: ['X-Request-Id', 'Location'] } : { origin: false });
  };
}
