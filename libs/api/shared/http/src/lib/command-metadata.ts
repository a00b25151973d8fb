import { randomUUID } from 'node:crypto';
import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request id doubles as the correlation id, so a log line and its events can be joined. */
export function commandMetadata(scope: AccessScope, req: { id?: unknown }): CommandMetadata {
  const id = typeof req.id === 'string' && UUID.test(req.id) ? req.id : randomUUID();
  return { actor: scope, correlationId: id };
}
