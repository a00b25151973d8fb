import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { type AccessScope, type CommandMetadata, DomainError, type TransactionScope, UnitOfWork, scopeFor, systemActor } from '@dieu-hanh/api/shared/kernel';
import type { EvidenceDto } from '@dieu-hanh/shared/contracts';
import { EvidenceAccess, type EvidenceAccessDecision } from './evidence-access';
import { EvidenceContentStore, type StoredContent } from './evidence-content.store';
import { EvidenceRepository, type EvidenceRecord, type NewEvidence } from './evidence.repository';
import { type DetectedEvidenceType, EvidenceTypeDetector } from './evidence-type.detector';
import { GetEvidenceContentHandler } from './get-evidence-content.handler';
import { GetEvidenceContentQuery } from './get-evidence-content.query';
import { UploadEvidenceCommand } from './upload-evidence.command';
import { UploadEvidenceHandler } from './upload-evidence.handler';

const ASSIGNMENT = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const PDF = Buffer.from('%PDF-1.4 evidence');

/** Rolls back what a failed unit of work wrote: the repository's rows are copied and restored. */
class FakeUow extends UnitOfWork {
  runs = 0;
  constructor(private readonly repo: MemoryEvidence) {
    super();
  }
  async run<T>(_m: CommandMetadata, work: (tx: TransactionScope) => Promise<T>): Promise<T> {
    this.runs++;
    const before = new Map(this.repo.rows);
    try {
      return await work({ record: () => undefined });
    } catch (error) {
      this.repo.rows = before;
      throw error;
    }
  }
}

class MemoryEvidence extends EvidenceRepository {
  rows = new Map<string, EvidenceRecord & { principal: string; requestKey: string }>();
  async attachable(assignmentId: string, ids: string[]) {
    return [...new Set(ids)].filter((id) => this.rows.get(id)?.assignmentId === assignmentId);
  }
  async ofAssignment(assignmentId: string): Promise<EvidenceDto[]> {
    return [...this.rows.values()].filter((r) => r.assignmentId === assignmentId);
  }
  async byIds(ids: string[]): Promise<EvidenceDto[]> {
    return ids.flatMap((id) => {
      const row = this.rows.get(id);
      return row ? [row] : [];
    });
  }
  async find(id: string) {
    return this.rows.get(id) ?? null;
  }
  async byRequestKey(principal: string, key: string) {
    return [...this.rows.values()].find((r) => r.principal === principal && r.requestKey === key) ?? null;
  }
  async insert(e: NewEvidence) {
    const row = { ...e, uploadedAt: '2026-11-28T09:00:00.000Z' };
    this.rows.set(e.id, row);
    return row;
  }
}

class MemoryStore extends EvidenceContentStore {
  files = new Map<string, Buffer>();
  async put(content: Uint8Array): Promise<StoredContent> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const created = !this.files.has(sha256);
    this.files.set(sha256, Buffer.from(content));
    return { sha256, size: content.byteLength, created };
  }
  async open(sha256: string) {
    const b = this.files.get(sha256);
    return b ? { stream: { bytes: b } as unknown as Readable, size: b.length } : null;
  }
}

class PdfOnly extends EvidenceTypeDetector {
  async detect(content: Uint8Array): Promise<DetectedEvidenceType | null> {
    return Buffer.from(content).subarray(0, 5).toString('latin1') === '%PDF-' ? { mediaType: 'application/pdf', extension: 'pdf' } : null;
  }
}

/** Hoàn Kiếm's officer may upload to its assignment; its leader sees it but may not; Ba Đình sees nothing. */
class Access extends EvidenceAccess {
  async of(scope: AccessScope, assignmentId: string): Promise<EvidenceAccessDecision | null> {
    if (assignmentId !== ASSIGNMENT) return null;
    if (scope.unitCode !== '00070') return { visible: false, mayUpload: false, unitCode: '00070' };
    return { visible: true, mayUpload: scope.roles.includes('commune-officer'), unitCode: '00070' };
  }
}

const officer = scopeFor({ provinceCode: '01', unitCode: '00070', tier: 2, roles: ['commune-officer'], username: 'hoankiem.canbo' });
const leader = scopeFor({ provinceCode: '01', unitCode: '00070', tier: 2, roles: ['commune-leader'], username: 'hoankiem.lanhdao' });
const badinh = scopeFor({ provinceCode: '01', unitCode: '00004', tier: 2, roles: ['commune-officer'], username: 'badinh.canbo' });
const meta = (actor: CommandMetadata['actor']): CommandMetadata => ({ actor, correlationId: 'c' });

describe('UploadEvidenceHandler / GetEvidenceContentHandler', () => {
  let repo: MemoryEvidence;
  let store: MemoryStore;
  let uow: FakeUow;
  let upload: UploadEvidenceHandler;
  let download: GetEvidenceContentHandler;

  beforeEach(() => {
    repo = new MemoryEvidence();
    store = new MemoryStore();
    uow = new FakeUow(repo);
    upload = new UploadEvidenceHandler(uow, repo, new Access(), new PdfOnly(), store);
    download = new GetEvidenceContentHandler(repo, new Access(), store);
  });

  const code = async (p: Promise<unknown>) => {
    const e = await p.then(() => null, (error: unknown) => error);
    return e instanceof DomainError ? `${e.kind} ${e.code}` : String(e);
  };

  it('stores the file by hash and its metadata, with the detected type and a safe name, in one unit of work', async () => {
    const dto = await upload.execute(new UploadEvidenceCommand(ASSIGNMENT, PDF, '../../Biên bản.html', 'k1', meta(officer)));
    expect(dto).toMatchObject({ fileName: 'Biên bản.html.pdf', mediaType: 'application/pdf', size: PDF.length, uploadedBy: 'hoankiem.canbo' });
    expect(dto.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect([...store.files.keys()]).toEqual([dto.sha256]);
    expect(repo.rows.get(dto.id)).toMatchObject({ assignmentId: ASSIGNMENT, uploaderUnitCode: '00070', principal: `01:hoankiem.canbo`, requestKey: 'k1' });
    expect(uow.runs).toBe(1);
  });

  it('a replayed key returns the first upload and stores nothing more', async () => {
    const first = await upload.execute(new UploadEvidenceCommand(ASSIGNMENT, PDF, 'a.pdf', 'k1', meta(officer)));
    const again = await upload.execute(new UploadEvidenceCommand(ASSIGNMENT, Buffer.from('%PDF-other'), 'b.pdf', 'k1', meta(officer)));
    expect(again).toEqual(first);
    expect(repo.rows.size).toBe(1);
    expect(store.files.size).toBe(1);
    // The same key for another assignment is another request.
    expect(await code(upload.execute(new UploadEvidenceCommand(OTHER, PDF, 'a.pdf', 'k1', meta(officer))))).toBe('validation REQUEST.IDEMPOTENCY_KEY_REUSED');
    // Keys belong to their caller: another caller's k1 is a new upload.
    expect(await code(upload.execute(new UploadEvidenceCommand(ASSIGNMENT, PDF, 'a.pdf', 'k1', meta(leader))))).toBe('forbidden EXECUTION.EVIDENCE_UPLOAD_REFUSED');
  });

  it('two uploads of the same bytes are two evidence rows sharing one stored file', async () => {
    const a = await upload.execute(new UploadEvidenceCommand(ASSIGNMENT, PDF, 'a.pdf', 'k1', meta(officer)));
    const b = await upload.execute(new UploadEvidenceCommand(ASSIGNMENT, PDF, 'b.pdf', 'k2', meta(officer)));
    expect(a.id).not.toBe(b.id);
    expect(a.sha256).toBe(b.sha256);
    expect(store.files.size).toBe(1);
  });

  it.each([
    ['another commune', badinh, ASSIGNMENT, PDF, 'not-found EXECUTION.ASSIGNMENT_NOT_FOUND'],
    ['no such assignment', officer, OTHER, PDF, 'not-found EXECUTION.ASSIGNMENT_NOT_FOUND'],
    ['a leader of the assignee (sees it, may not upload)', leader, ASSIGNMENT, PDF, 'forbidden EXECUTION.EVIDENCE_UPLOAD_REFUSED'],
    ['a disguised file', officer, ASSIGNMENT, Buffer.from('<html><script>x</script>'), 'validation EXECUTION.EVIDENCE_TYPE_REFUSED'],
    ['the system', systemActor(), ASSIGNMENT, PDF, 'forbidden EXECUTION.EVIDENCE_UPLOAD_REFUSED'],
  ])('refuses %s and leaves nothing behind', async (_, actor, assignment, bytes, expected) => {
    expect(await code(upload.execute(new UploadEvidenceCommand(assignment, bytes, 'x.pdf', 'k', meta(actor))))).toBe(expected);
    expect(repo.rows.size).toBe(0);
    expect(store.files.size).toBe(0);
  });

  it('checks who may see it before what it is: a disguised file to another commune’s assignment is 404, not 415', async () => {
    expect(await code(upload.execute(new UploadEvidenceCommand(ASSIGNMENT, Buffer.from('MZ'), 'x.pdf', 'k', meta(badinh))))).toBe('not-found EXECUTION.ASSIGNMENT_NOT_FOUND');
  });

  it('downloads for whoever sees the assignment, and 404 for everyone else exactly as for no file', async () => {
    const dto = await upload.execute(new UploadEvidenceCommand(ASSIGNMENT, PDF, 'a.pdf', 'k1', meta(officer)));
    const got = await download.execute(new GetEvidenceContentQuery(leader, dto.id));
    expect(got.evidence).toEqual(dto);
    expect(got.size).toBe(PDF.length);
    expect(await code(download.execute(new GetEvidenceContentQuery(badinh, dto.id)))).toBe('not-found EXECUTION.EVIDENCE_NOT_FOUND');
    expect(await code(download.execute(new GetEvidenceContentQuery(officer, OTHER)))).toBe('not-found EXECUTION.EVIDENCE_NOT_FOUND');
  });
});
