/** Seconds a client is told to wait (`Retry-After`) when a dependency of the API is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/**
 * SQLSTATEs of a database that is not there for now: 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting or stopping), 53300 too_many_connections; class 08 is
 * connection_exception (08000, 08001, 08003, 08004, 08006…).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres and TypeORM say when a connection drops or the pool cannot get one in time. */
const MESSAGES = [/^Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /the database system is (starting up|shutting down|in recovery mode)/i];

/**
 * True for errors that mean "the database (or another dependency) is unreachable right now", not "this
 * request is wrong": a client should retry. Matches on the error's shape only (codes and messages of
 * node-postgres and TypeORM, the cause and driver error they wrap, the errors of an AggregateError),
 * so this library needs no database driver.
 */
export function isServiceUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 20) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, message, driverError, cause, errors } = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true;
    queue.push(driverError, cause, ...(Array.isArray(errors) ? errors : []));
  }
  return false;
}
