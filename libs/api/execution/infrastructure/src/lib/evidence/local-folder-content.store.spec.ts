import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { LocalFolderContentStore } from './local-folder-content.store';

const read = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/** Every file under a folder, relative, temporary ones included. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1))
    .sort();

describe('LocalFolderContentStore', () => {
  let dir: string;
  let store: LocalFolderContentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-store-'));
    store = new LocalFolderContentStore(join(dir, 'evidence'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the bytes under <dir>/<sha[0:2]>/<sha> and reads them back', async () => {
    const bytes = Buffer.from('Biên bản nghiệm thu', 'utf8');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await store.put(bytes)).toEqual({ sha256: sha, size: bytes.length, created: true });
    expect(readFileSync(join(dir, 'evidence', sha.slice(0, 2), sha))).toEqual(bytes);
    const opened = await store.open(sha);
    expect(opened?.size).toBe(bytes.length);
    if (!opened) throw new Error('not stored');
    expect(await read(opened.stream)).toEqual(bytes);
  });

  it('keeps identical content once, and leaves no temporary file behind', async () => {
    const bytes = Buffer.from('%PDF-1.4 same content');
    const first = await store.put(bytes);
    const again = await store.put(Buffer.from(bytes));
    const concurrent = await Promise.all([1, 2, 3, 4].map(() => store.put(Buffer.from(bytes))));
    expect(again).toEqual({ ...first, created: false });
    expect(concurrent.every((c) => c.sha256 === first.sha256)).toBe(true);
    expect(filesUnder(join(dir, 'evidence'))).toEqual([`${first.sha256.slice(0, 2)}/${first.sha256}`]);
  });

  it('writes through a temporary file: a failed write leaves neither a partial file nor a temporary one', async () => {
    const bytes = Buffer.from('will not land');
    const sha = createHash('sha256').update(bytes).digest('hex');
    // Something (not a file) already holds the final name: the rename fails, whoever runs the test.
    const blocker = join(dir, 'evidence', sha.slice(0, 2), sha);
    mkdirSync(join(blocker, 'inside'), { recursive: true });
    await expect(store.put(bytes)).rejects.toThrow();
    expect(readdirSync(join(dir, 'evidence', sha.slice(0, 2)))).toEqual([sha]);
    expect(await store.open(sha)).toBeNull();
  });

  it('never lets an address reach the file system unless it is a SHA-256', async () => {
    await store.put(Buffer.from('x'));
    for (const bad of ['../../etc/passwd', '/etc/passwd', '..', 'AB'.repeat(32), `${'a'.repeat(63)}/`, `${'a'.repeat(64)}\0`, '']) {
      expect(await store.open(bad)).toBeNull();
    }
    expect(existsSync(join(dir, 'evidence', '..', 'etc'))).toBe(false);
  });

  it('answers null for content it does not have', async () => {
    expect(await store.open('0'.repeat(64))).toBeNull();
  });
});
