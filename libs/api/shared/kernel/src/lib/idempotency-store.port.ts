/**
 * Idempotent retries of commands (`Idempotency-Key` header): the first request with a key claims it,
 * a repeat gets the first answer. Keys belong to one caller and live 24 hours.
 */
export type IdempotencyClaim =
  /** The key is new (or expired): run the command, then `complete` or `release`. */
  | { kind: 'claimed' }
  /** The same request already succeeded: answer with its result. */
  | { kind: 'replay'; body: unknown }
  /** The same key is being used by a request that has not finished. */
  | { kind: 'in-progress' }
  /** The key was used for a different request (method, path or body). */
  | { kind: 'mismatch' };

export abstract class IdempotencyStore {
  abstract claim(principal: string, key: string, fingerprint: string): Promise<IdempotencyClaim>;
  abstract complete(principal: string, key: string, body: unknown): Promise<void>;
  /** The command failed and wrote nothing: the key is free again for a retry. */
  abstract release(principal: string, key: string): Promise<void>;
}
