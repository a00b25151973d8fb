import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EvidenceContentStore, type StoredContent } from '@dieu-hanh/api/execution/application';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Evidence content in a local folder, addressed by SHA-256: `<dir>/<sha[0:2]>/<sha>`. The only path
 * component ever derived from a request is the hash this class computes (or a hash read back from the
 * database, checked against /^[0-9a-f]{64}$/), so a file name like `../../etc/passwd` cannot reach the
 * file system. A write goes to a temporary file in the same folder, is flushed to disk, then renamed
 * over the final name: a reader sees the whole file or none. Identical content is stored once.
 */
export class LocalFolderContentStore extends EvidenceContentStore {
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  get directory(): string {
    return this.root;
  }

  async put(content: Uint8Array): Promise<StoredContent> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const size = content.byteLength;
    const final = this.pathOf(sha256);
    const existing = await stat(final).catch(() => null);
    if (existing?.isFile() && existing.size === size) return { sha256, size, created: false };

    const folder = join(this.root, sha256.slice(0, 2));
    await mkdir(folder, { recursive: true, mode: 0o750 });
    const temp = join(folder, `.${sha256}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw error;
    }
    await handle.close();
    try {
      // Same folder, same file system: rename is atomic (and replacing an identical file is harmless).
      await rename(temp, final);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncFolder(folder);
    return { sha256, size, created: true };
  }

  async open(sha256: string): Promise<{ stream: import('node:stream').Readable; size: number } | null> {
    if (!SHA256.test(sha256)) return null;
    const path = this.pathOf(sha256);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    return { stream: createReadStream(path), size: info.size };
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('Not a SHA-256 address');
    return join(this.root, sha256.slice(0, 2), sha256);
  }
}

/** Makes the rename itself durable (best effort: some file systems refuse fsync on a folder). */
async function syncFolder(folder: string): Promise<void> {
  const dir = await open(folder, 'r').catch(() => null);
  if (!dir) return;
  try {
    await dir.sync();
  } catch {
    /* not supported here */
  } finally {
    await dir.close();
  }
}
