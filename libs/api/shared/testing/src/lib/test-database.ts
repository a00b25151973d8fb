import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '@dieu-hanh/api/shared/database';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, migrated database on the test server, so test files never share state. */
export async function createTestDatabase(migrations: Parameters<typeof runMigrations>[1]): Promise<TestDatabase> {
  const adminUrl = process.env['TEST_PG_ADMIN_URL'];
  if (!adminUrl) throw new Error('TEST_PG_ADMIN_URL is not set: add the testing globalSetup to this jest config');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
  await runMigrations(url, migrations);
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
