/**
 * A place in the feed: the event's transaction id (xid8, as text) and its sequence (bigint, as text).
 * The feed's order is (transactionId, sequence); a checkpoint is the position of the last event handled.
 */
export interface FeedPosition {
  readonly transactionId: string;
  readonly sequence: string;
}

export const FEED_START: FeedPosition = { transactionId: '0', sequence: '0' };

export function comparePositions(a: FeedPosition, b: FeedPosition): number {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const seq = BigInt(a.sequence) - BigInt(b.sequence);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}

export function formatPosition(p: FeedPosition): string {
  return `${p.transactionId}:${p.sequence}`;
}

/** `<transactionId>:<sequence>` as `feed status` prints it. */
export function parsePosition(text: string): FeedPosition | null {
  const m = /^(\d+):(\d+)$/.exec(text.trim());
  return m ? { transactionId: m[1], sequence: m[2] } : null;
}
