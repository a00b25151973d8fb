import { rmSync } from 'node:fs';
// Jest loads globalTeardown outside its module resolver, so workspace aliases do not resolve here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { RunningPostgres } from '../../database/src/lib/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as { __DIEU_HANH_PG__?: { pg: RunningPostgres; dir: string } }).__DIEU_HANH_PG__;
  if (!state) return;
  await state.pg.stop();
  rmSync(state.dir, { recursive: true, force: true });
}
