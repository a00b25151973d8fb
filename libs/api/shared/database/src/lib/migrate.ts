import { DataSource, type MixedList } from 'typeorm';

type Migrations = MixedList<string | (new () => object)>;

/** Runs pending migrations in one transaction each; used at API start and by `main.js migrate`. */
export async function runMigrations(url: string, migrations: Migrations): Promise<string[]> {
  const ds = new DataSource({ type: 'postgres', url, migrations, migrationsTransactionMode: 'each', logging: false });
  await ds.initialize();
  try {
    const ran = await ds.runMigrations();
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
