import type { Readable } from 'node:stream';

/** What the store says about content it keeps. */
export interface StoredContent {
  /** Lower-case hex SHA-256 of the bytes: the content's only address. */
  sha256: string;
  size: number;
  /** False when the same bytes were already stored (deduplicated). */
  created: boolean;
}

/**
 * Where evidence files live, outside the database, addressed by the SHA-256 of their bytes. Nothing the
 * client sends (file name, path) ever becomes a path: the only address is the hash the store computes.
 */
export abstract class EvidenceContentStore {
  /** Stores the bytes (atomically: a reader never sees a partial file) and returns their address. */
  abstract put(content: Uint8Array): Promise<StoredContent>;
  /** The stored bytes, or null when there are none under that address (or the address is malformed). */
  abstract open(sha256: string): Promise<{ stream: Readable; size: number } | null>;
}
