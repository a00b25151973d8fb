import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { assignRequestId, jsonBody } from '@dieu-hanh/api/shared/http';
import type { ApiConfig } from './api.config';

/** HTTP concerns applied to the app in production and in tests alike. */
export function configureApp(app: INestApplication, config: Pick<ApiConfig, 'bodyLimit' | 'corsOrigins'>): void {
  app.useLogger(app.get(Logger));
  // Strict JSON only, with a size limit; parse failures become problem+json 400/413 in ProblemFilter.
  app.use(assignRequestId);
  app.use(jsonBody(config.bodyLimit));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.enableCors({ origin: config.corsOrigins, credentials: true, exposedHeaders: ['X-Request-Id', 'Location'] });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Điều Hành API')
      .setDescription(
        'Điều hành thực hiện kế hoạch — API. Mọi lỗi trả về application/problem+json (RFC 9457) với mã lỗi ổn định và thông điệp tiếng Việt / tiếng Anh.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      // Behind the reverse proxy the API lives under /api (docker/proxy): "Try it out" must call there.
      .addServer(process.env['API_PUBLIC_PATH'] ?? '/')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
