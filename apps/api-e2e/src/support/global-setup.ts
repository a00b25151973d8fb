import { shareWithTests, startSystem } from '@dieu-hanh/testing/e2e-support';

/**
 * The system under test: a fresh PostgreSQL (handed to the API as DATABASE_URL, the "external
 * database" path), the dev login server, the API seeded with the demo directory by `api seed`.
 */
export default async function globalSetup(): Promise<void> {
  shareWithTests(await startSystem({ tmpPrefix: 'dieu-hanh-e2e-', seed: 'command', healthTimeoutMs: 60_000 }));
}
