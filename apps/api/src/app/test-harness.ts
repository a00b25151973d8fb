import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { ImportUnitDirectoryCommand } from '@dieu-hanh/api/organization/application';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { systemActor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, createTestIssuer, keycloakClaims, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { apiConfigFromEnv } from './api.config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { ALL_MIGRATIONS } from './migrations';
import { FIXTURE_DIRECTORY } from './test-fixtures';

// Scheduled jobs stay off in API specs unless a spec turns them on (scheduled-jobs.int.spec.ts).
process.env['JOBS_RUNNER'] ??= 'off';

export const HN = 'http://idp.test/realms/ha-noi';
export const HP = 'http://idp.test/realms/hai-phong';

const ACCOUNTS = {
  leader: { iss: HN, username: 'lanhdao', unit: '01-UBND', tier: 1, roles: ['leader'] },
  admin: { iss: HN, username: 'quantri', unit: '01-VPUBND', tier: 1, roles: ['admin'] },
  dept: { iss: HN, username: 'skhcn', unit: '01-SKHCN', tier: 1, roles: ['department-officer'] },
  dept2: { iss: HN, username: 'sgddt', unit: '01-SGDDT', tier: 1, roles: ['department-officer'] },
  hoankiem: { iss: HN, username: 'hk', unit: '00070', tier: 2, roles: ['commune-officer'] },
  hoankiemLeader: { iss: HN, username: 'hkld', unit: '00070', tier: 2, roles: ['commune-leader'] },
  badinh: { iss: HN, username: 'bd', unit: '00004', tier: 2, roles: ['commune-officer'] },
  haian: { iss: HP, username: 'ha', unit: '11413', tier: 2, roles: ['commune-officer'] },
} as const;
export type TestAccount = keyof typeof ACCOUNTS;

/**
 * The API in-process on a fresh PostgreSQL database, loaded with the fixture directory, with tokens
 * signed by local keys standing in for the realms (end-to-end suites use the real dev login server).
 */
export async function startTestApi() {
  const db: TestDatabase = await createTestDatabase(ALL_MIGRATIONS);
  const hn = await createTestIssuer(HN);
  const hp = await createTestIssuer(HP);
  const config = { ...apiConfigFromEnv({ AUTH_ISSUERS: `${HN},${HP}` }), databaseUrl: db.url };
  const app: INestApplication = await NestFactory.create(AppModule.forRoot(config, 'external', { jwksFactory: (iss) => (iss === HN ? hn.jwks : hp.jwks) }), {
    bodyParser: false,
    logger: process.env['DEBUG_PROBLEMS'] ? ['error'] : false,
  });
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  await app.get(CommandBus).execute(new ImportUnitDirectoryCommand(FIXTURE_DIRECTORY, 'demo', { actor: systemActor('seed'), correlationId: randomUUID() }));

  const tokens = {} as Record<TestAccount, string>;
  for (const [name, a] of Object.entries(ACCOUNTS)) {
    tokens[name as TestAccount] = await (a.iss === HN ? hn : hp).sign(keycloakClaims({ username: a.username, unit: a.unit, tier: a.tier, roles: [...a.roles] }));
  }

  /** Waits until every event feed subscriber has handled everything logged so far. */
  const settle = () => app.get(EventFeed).drain();

  const call = async (path: string, init: RequestInit & { as?: TestAccount; token?: string } = {}) => {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    const token = init.token ?? (init.as ? tokens[init.as] : undefined);
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (init.body && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${path}`, { ...init, headers });
    const text = await res.text();
    // Reactions (notifications, a succession's transfer) follow a command through the event feed a few
    // ms after its response: wait for them, so the next call sees them as a user a moment later would.
    if (init.method && !['GET', 'HEAD'].includes(init.method.toUpperCase())) await settle();
    let body: any = text; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body, text };
  };

  const close = async () => {
    // Keep-alive sockets of the test's fetch client would otherwise keep Jest running.
    app.getHttpServer().closeAllConnections();
    await app.close();
    await db.drop();
  };
  return { app, call, settle, tokens, hn, hp, close };
}
