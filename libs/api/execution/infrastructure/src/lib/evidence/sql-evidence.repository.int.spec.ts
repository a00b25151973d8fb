import { randomUUID } from 'node:crypto';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { type TestDatabase, createTestDatabase } from '@dieu-hanh/api/shared/testing';
import type { NewEvidence } from '@dieu-hanh/api/execution/application';
import { DataSource } from 'typeorm';
import { CreateEvidence1732300007020 } from '../migrations/1732300007020-evidence.migration';
import { SqlEvidenceRepository } from './sql-evidence.repository';

// Integration: evidence metadata on PostgreSQL (the migration's constraints, idempotent insert, lookups).
describe('SqlEvidenceRepository', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repo: SqlEvidenceRepository;
  const A = randomUUID();
  const B = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase([CreateEvidence1732300007020]);
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    repo = new SqlEvidenceRepository(new TransactionContext(ds));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const evidence = (over: Partial<NewEvidence> = {}): NewEvidence => ({
    id: randomUUID(),
    assignmentId: A,
    sha256: 'ab'.repeat(32),
    mediaType: 'application/pdf',
    size: 1234,
    fileName: 'Biên bản.pdf',
    uploadedBy: 'hoankiem.canbo',
    uploaderUnitCode: '00070',
    principal: 'ha-noi:hoankiem.canbo',
    requestKey: randomUUID(),
    ...over,
  });

  it('inserts and reads back the EvidenceDto of an assignment, oldest first', async () => {
    const first = await repo.insert(evidence());
    const second = await repo.insert(evidence({ fileName: 'Ảnh.png', mediaType: 'image/png' }));
    await repo.insert(evidence({ assignmentId: B }));
    expect(first).toMatchObject({ assignmentId: A, uploaderUnitCode: '00070', size: 1234, fileName: 'Biên bản.pdf', uploadedBy: 'hoankiem.canbo' });
    expect(first.uploadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const list = await repo.ofAssignment(A);
    expect(list.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(Object.keys(list[0]).sort()).toEqual(['fileName', 'id', 'mediaType', 'sha256', 'size', 'uploadedAt', 'uploadedBy']);
    expect((await repo.byIds([second.id, first.id, 'nope'])).map((e) => e.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('attachable: only this assignment’s evidence, in the order given, once each; junk ids are ignored', async () => {
    const mine = await repo.insert(evidence());
    const theirs = await repo.insert(evidence({ assignmentId: B }));
    expect(await repo.attachable(A, [theirs.id, mine.id, mine.id.toUpperCase(), 'x', randomUUID()])).toEqual([mine.id]);
    expect(await repo.attachable(A, [])).toEqual([]);
    expect(await repo.attachable('not-a-uuid', [mine.id])).toEqual([]);
  });

  it('a second insert with the same (principal, key) inserts nothing and returns the first', async () => {
    const key = randomUUID();
    const first = await repo.insert(evidence({ requestKey: key }));
    const again = await repo.insert(evidence({ requestKey: key, fileName: 'other.pdf' }));
    expect(again).toEqual(first);
    expect(await repo.byRequestKey('ha-noi:hoankiem.canbo', key)).toEqual(first);
    expect(await repo.byRequestKey('ha-noi:someone-else', key)).toBeNull();
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM evidence_file WHERE request_key = $1`, [key]);
    expect(n).toBe(1);
  });

  it('the table refuses what must never be stored: a malformed hash, an empty file, an empty or overlong name', async () => {
    await expect(repo.insert(evidence({ sha256: '../../etc/passwd' }))).rejects.toThrow(/check/i);
    await expect(repo.insert(evidence({ size: 0 }))).rejects.toThrow(/check/i);
    await expect(repo.insert(evidence({ fileName: '' }))).rejects.toThrow(/check/i);
    await expect(repo.insert(evidence({ fileName: 'ạ'.repeat(256) }))).rejects.toThrow(/check/i);
  });

  it('find and byRequestKey answer null for what is not there (or not an id)', async () => {
    expect(await repo.find(randomUUID())).toBeNull();
    expect(await repo.find('../x')).toBeNull();
  });
});
