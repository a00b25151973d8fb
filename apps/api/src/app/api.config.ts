import { resolve } from 'node:path';
import { type AuthConfig, authConfigFromEnv } from '@dieu-hanh/api/shared/auth';

export interface ApiConfig {
  port: number;
  host: string;
  /** Set: use that PostgreSQL. Unset: start the embedded one. */
  databaseUrl: string | null;
  embedded: { dataDir: string; port: number };
  auth: AuthConfig;
  bodyLimit: string;
  /** Load the demo (or national) directory at start: `demo` | `national` | unset. */
  seedOnStart: 'demo' | 'national' | null;
  corsOrigins: string[];
}

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const seed = env['SEED_ON_START'];
  return {
    port: Number(env['PORT'] ?? 3000),
    host: env['HOST'] ?? '0.0.0.0',
    databaseUrl: env['DATABASE_URL'] || null,
    embedded: {
      dataDir: resolve(env['DIEU_HANH_DATA_DIR'] ?? '.data', 'postgres'),
      port: Number(env['EMBEDDED_PG_PORT'] ?? 54329),
    },
    auth: authConfigFromEnv(env),
    bodyLimit: env['BODY_LIMIT'] ?? '1mb',
    seedOnStart: seed === 'demo' || seed === 'national' ? seed : null,
    corsOrigins: (env['CORS_ORIGINS'] ?? 'http://localhost:4201,http://localhost:4202,http://localhost:4203')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
