/**
 * Failure injection for the durability test only: when DIEU_HANH_CRASH_AT names this point, the
 * process kills itself with SIGKILL right there, as a power cut would. Refused in production.
 */
export function crashPoint(name: 'after-state-before-event' | 'after-event-before-commit'): void {
  const wanted = process.env['DIEU_HANH_CRASH_AT'];
  if (!wanted || wanted !== name) return;
  if (process.env['NODE_ENV'] === 'production') return;
  process.kill(process.pid, 'SIGKILL');
}
