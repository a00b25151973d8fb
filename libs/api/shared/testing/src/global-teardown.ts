import { rmSync } from 'node:fs';
import type { RunningPostgres } from '../../database/src/lib/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __DIEU_HANH_PG__?: { pg: RunningPostgres; dir: string } }).__DIEU_HANH_PG__;
  if (!state) return;
  await state.pg.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
