import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disguised, sampleDocx, sampleJpeg, samplePdf, samplePng, sampleXlsx } from '@dieu-hanh/api/execution/infrastructure';
import { DataSource } from 'typeorm';
import { type TestAccount, startTestApi } from './test-harness';

const MAX = 64 * 1024;

/**
 * Evidence files through the API on PostgreSQL (issue 10, "Evidence files"): uploaded by the assignee
 * unit with an Idempotency-Key, the type read from the content, stored by hash in EVIDENCE_DIR, and
 * downloaded only by those who see the assignment — with nothing half-written by a refused upload.
 */
describe('evidence files (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let base: string;
  let dir: string;
  let hoankiemAssignment: string;
  let badinhAssignment: string;
  const saved = { dir: process.env['EVIDENCE_DIR'], max: process.env['EVIDENCE_MAX_BYTES'] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evidence-int-'));
    process.env['EVIDENCE_DIR'] = join(dir, 'evidence');
    process.env['EVIDENCE_MAX_BYTES'] = String(MAX);
    api = await startTestApi();
    base = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');

    // A city plan drafted by the department, every commune leading its task.
    const post = (as: TestAccount, path: string, body?: object) => api.call(path, { as, method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });
    const created = await post('dept', '/plans', {
      title: 'Kế hoạch chuyển đổi số cấp xã năm 2025',
      year: 2025,
      focalUnitCode: '01-SKHCN',
      tasks: [{ content: 'Tuyên truyền chuyển đổi số tại tổ dân phố', timeframe: 'Quý IV/2025', leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [] }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await post('dept', `/plans/${id}/submit`)).status).toBe(200);
    expect((await post('leader', `/plans/${id}/approve`)).status).toBe(200);
    expect((await post('leader', `/plans/${id}/issue`, { number: 610, issueDate: '2025-10-02' })).body).toMatchObject({ status: 'issued' });
    const mine = async (as: TestAccount) => {
      const plan = (await api.call(`/plans/${id}`, { as })).body;
      return plan.tasks[0].assignments[0].id as string;
    };
    hoankiemAssignment = await mine('hoankiem');
    badinhAssignment = await mine('badinh');
    expect(hoankiemAssignment).not.toBe(badinhAssignment);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    for (const [k, v] of [['EVIDENCE_DIR', saved.dir], ['EVIDENCE_MAX_BYTES', saved.max]] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A multipart upload (the harness's `call` speaks JSON). */
  const upload = async (
    as: TestAccount,
    assignmentId: string,
    bytes: Buffer | null,
    options: { name?: string; key?: string | null; field?: string; type?: string } = {},
  ) => {
    const form = new FormData();
    if (bytes) form.append(options.field ?? 'file', new Blob([new Uint8Array(bytes)], { type: options.type ?? 'application/octet-stream' }), options.name ?? 'minh-chung.bin');
    const headers: Record<string, string> = { authorization: `Bearer ${api.tokens[as]}` };
    const key = options.key === undefined ? randomUUID() : options.key;
    if (key !== null) headers['idempotency-key'] = key;
    const res = await fetch(`${base}/assignments/${assignmentId}/evidence`, { method: 'POST', headers, body: form });
    const text = await res.text();
    await api.settle();
    let body: any = text; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body };
  };

  const download = async (as: TestAccount, evidenceId: string) => {
    const res = await fetch(`${base}/evidence/${evidenceId}/content`, { headers: { authorization: `Bearer ${api.tokens[as]}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  };

  const rows = async () => Number((await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM evidence_file`))[0].n);
  /** Every file in the store, temporary ones included. */
  const stored = () => {
    const root = join(dir, 'evidence');
    try {
      return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort();
    } catch {
      return [];
    }
  };

  it('the commune officer uploads a photo to its own assignment and gets it back, byte for byte, as an attachment', async () => {
    const png = samplePng();
    const r = await upload('hoankiem', hoankiemAssignment, png, { name: 'Ảnh hiện trường.png', type: 'image/png' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      fileName: 'Ảnh hiện trường.png',
      mediaType: 'image/png',
      size: png.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      uploadedAt: expect.any(String),
      uploadedBy: 'hk',
    });
    expect(stored()).toContain(r.body.sha256);

    const d = await download('hoankiem', r.body.id);
    expect(d.status).toBe(200);
    expect(d.bytes.equals(png)).toBe(true);
    expect(d.headers.get('content-type')).toBe('image/png');
    expect(d.headers.get('content-disposition')).toBe(`attachment; filename="Anh hien truong.png"; filename*=UTF-8''${encodeURIComponent('Ảnh hiện trường.png')}`);
    expect(d.headers.get('x-content-type-options')).toBe('nosniff');
    expect(d.headers.get('content-security-policy')).toContain('sandbox');
  });

  it.each([
    ['PDF', samplePdf, 'bien-ban.pdf', 'application/pdf'],
    ['DOCX', sampleDocx, 'bao-cao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['XLSX', sampleXlsx, 'so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['JPEG (from the camera, no extension)', sampleJpeg, 'image', 'image/jpeg'],
  ])('accepts %s, typed from its content', async (_, make, name, mediaType) => {
    const r = await upload('hoankiem', hoankiemAssignment, make(), { name, type: 'application/octet-stream' });
    expect([r.status, r.body.mediaType]).toEqual([201, mediaType]);
  });

  it('others who see the assignment download it (the department that drafted the plan, the city leader); another commune gets 404', async () => {
    const r = await upload('hoankiem', hoankiemAssignment, samplePdf(), { name: 'x.pdf' });
    expect((await download('dept', r.body.id)).status).toBe(200);
    expect((await download('leader', r.body.id)).status).toBe(200);
    const other = await download('badinh', r.body.id);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.json()).toMatchObject({ code: 'EXECUTION.EVIDENCE_NOT_FOUND' });
    // …exactly as for a file that does not exist, and for a province it does not belong to.
    expect((await download('badinh', randomUUID())).json()).toMatchObject({ code: 'EXECUTION.EVIDENCE_NOT_FOUND' });
    expect((await download('haian', r.body.id)).status).toBe(404);
    expect((await download('hoankiem', 'not-a-uuid')).status).toBe(400);
  });

  it('another commune gets 404 on upload; a unit that sees the assignment but is not its assignee gets 403; nothing is written', async () => {
    const before = { rows: await rows(), files: stored() };
    const other = await upload('badinh', hoankiemAssignment, Buffer.from('%PDF-1.4 của phường khác'), { name: 'x.pdf' });
    expect([other.status, other.body.code]).toEqual([404, 'EXECUTION.ASSIGNMENT_NOT_FOUND']);
    expect(other.type).toContain('application/problem+json');
    const nowhere = await upload('hoankiem', randomUUID(), samplePdf());
    expect([nowhere.status, nowhere.body.code]).toEqual([404, 'EXECUTION.ASSIGNMENT_NOT_FOUND']);
    const dept = await upload('dept', hoankiemAssignment, Buffer.from('%PDF-1.4 của sở'), { name: 'x.pdf' });
    expect([dept.status, dept.body.code]).toEqual([403, 'EXECUTION.EVIDENCE_UPLOAD_REFUSED']);
    // Ba Đình uploads to its own assignment, of course.
    expect((await upload('badinh', badinhAssignment, Buffer.from('%PDF-1.4 Ba Đình'))).status).toBe(201);
    expect(await rows()).toBe(before.rows + 1);
    expect(stored().length).toBe(before.files.length + 1);
  });

  it.each([
    ['a Windows program named .pdf', disguised.exe, 'bao-cao.pdf', 'application/pdf'],
    ['an HTML page named .png', disguised.html, 'anh.png', 'image/png'],
    ['an SVG', disguised.svg, 'anh.svg', 'image/svg+xml'],
    ['any zip named .docx', disguised.zip, 'bao-cao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['a zip that claims to be a Word document', disguised.fakeDocx, 'bao-cao.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ])('refuses %s with 415, naming the field, and writes nothing', async (_, make, name, type) => {
    const before = { rows: await rows(), files: stored() };
    const r = await upload('hoankiem', hoankiemAssignment, make(), { name, type });
    expect(r.status).toBe(415);
    expect(r.type).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'EXECUTION.EVIDENCE_TYPE_REFUSED', errors: [expect.objectContaining({ field: 'body.file', code: 'type-refused' })] });
    expect(r.body.message.vi).toContain('PDF');
    expect({ rows: await rows(), files: stored() }).toEqual(before);
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with 413 (read to the limit, or refused from its announced length) and writes nothing', async () => {
    const before = { rows: await rows(), files: stored() };
    const png = samplePng();
    const big = Buffer.concat([png, Buffer.alloc(MAX + 1 - png.length)]);
    const r = await upload('hoankiem', hoankiemAssignment, big, { name: 'lon.png' });
    expect([r.status, r.body.code, r.body.errors?.[0]?.field]).toEqual([413, 'EXECUTION.EVIDENCE_TOO_LARGE', 'body.file']);
    expect(r.type).toContain('application/problem+json');
    const exact = await upload('hoankiem', hoankiemAssignment, Buffer.concat([png, Buffer.alloc(MAX - png.length)]), { name: 'vua.png' });
    expect(exact.status).toBe(201);
    const huge = await upload('hoankiem', hoankiemAssignment, Buffer.alloc(MAX * 3), { name: 'rat-lon.png' });
    expect([huge.status, huge.body.code]).toEqual([413, 'EXECUTION.EVIDENCE_TOO_LARGE']);
    expect(await rows()).toBe(before.rows + 1);
    expect(stored().length).toBe(before.files.length + 1);
  });

  it('needs an Idempotency-Key and exactly one file in the field "file"', async () => {
    const before = await rows();
    const noKey = await upload('hoankiem', hoankiemAssignment, samplePdf(), { key: null });
    expect([noKey.status, noKey.body.code, noKey.body.errors?.[0]?.field]).toEqual([400, 'REQUEST.IDEMPOTENCY_KEY_REQUIRED', 'header.idempotency-key']);
    const noFile = await upload('hoankiem', hoankiemAssignment, null);
    expect([noFile.status, noFile.body.code]).toEqual([400, 'EXECUTION.EVIDENCE_FILE_REQUIRED']);
    const wrongField = await upload('hoankiem', hoankiemAssignment, samplePdf(), { field: 'attachment' });
    expect([wrongField.status, wrongField.body.code, wrongField.body.errors?.[0]?.field]).toEqual([400, 'EXECUTION.EVIDENCE_FILE_REQUIRED', 'body.file']);
    const json = await api.call(`/assignments/${hoankiemAssignment}/evidence`, { as: 'hoankiem', method: 'POST', headers: { 'idempotency-key': randomUUID() }, body: '{"file":"JVBERi0="}' });
    expect([json.status, json.body.code]).toEqual([400, 'EXECUTION.EVIDENCE_FILE_REQUIRED']);
    const twoFiles = new FormData();
    twoFiles.append('file', new Blob([new Uint8Array(samplePdf())]), 'a.pdf');
    twoFiles.append('file', new Blob([new Uint8Array(samplePdf())]), 'b.pdf');
    const two = await fetch(`${base}/assignments/${hoankiemAssignment}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.tokens.hoankiem}`, 'idempotency-key': randomUUID() },
      body: twoFiles,
    });
    expect([two.status, (await two.json()).code]).toEqual([400, 'EXECUTION.EVIDENCE_FILE_REQUIRED']);
    const anonymous = await fetch(`${base}/assignments/${hoankiemAssignment}/evidence`, { method: 'POST', headers: { 'idempotency-key': randomUUID() } });
    expect(anonymous.status).toBe(401);
    expect(await rows()).toBe(before);
  });

  it('a replayed key returns the first upload and stores it once — also when the request log lost it (a crash after commit)', async () => {
    const key = randomUUID();
    const pdf = Buffer.from(`%PDF-1.4 replay ${key}`);
    const first = await upload('hoankiem', hoankiemAssignment, pdf, { key, name: 'lan-1.pdf' });
    expect(first.status).toBe(201);
    const before = { rows: await rows(), files: stored() };
    const again = await upload('hoankiem', hoankiemAssignment, pdf, { key, name: 'lan-1.pdf' });
    expect([again.status, again.body]).toEqual([201, first.body]);
    // The interceptor's record of the answer is gone (as after a crash between commit and reply): the
    // command's own key still finds the first upload, in its transaction.
    await api.app.get(DataSource).query(`DELETE FROM idempotency_key WHERE key = $1`, [key]);
    const afterCrash = await upload('hoankiem', hoankiemAssignment, pdf, { key, name: 'lan-2.pdf' });
    expect([afterCrash.status, afterCrash.body]).toEqual([201, first.body]);
    expect({ rows: await rows(), files: stored() }).toEqual(before);
    // Keys are the caller's own: the commune leader's same key is its own upload.
    const leader = await upload('hoankiemLeader', hoankiemAssignment, pdf, { key, name: 'lanh-dao.pdf' });
    expect(leader.status).toBe(201);
    expect(leader.body.id).not.toBe(first.body.id);
    expect(leader.body.sha256).toBe(first.body.sha256);
    // The same bytes are stored once, whoever uploads them.
    expect(stored()).toEqual(before.files);
  });

  it('two identical files concurrently: two evidence rows, one stored file, no temporary file left', async () => {
    const bytes = Buffer.from(`%PDF-1.4 concurrent ${randomUUID()}`);
    const before = stored().length;
    const [a, b] = await Promise.all([upload('hoankiem', hoankiemAssignment, bytes), upload('hoankiem', hoankiemAssignment, bytes)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
    expect(stored().length).toBe(before + 1);
    expect(stored().filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
  it('a progress update attaches the evidence (its own assignment’s only), the work shows it, and once verified no more uploads', async () => {
    const photo = await upload('hoankiem', hoankiemAssignment, sampleJpeg(), { name: 'hien-truong.jpg' });
    const theirs = await upload('badinh', badinhAssignment, samplePdf(), { name: 'ba-dinh.pdf' });
    const progress = (evidenceIds: string[], version: number) =>
      api.call(`/assignments/${hoankiemAssignment}/progress`, {
        as: 'hoankiem',
        method: 'POST',
        headers: { 'idempotency-key': randomUUID() },
        body: JSON.stringify({ version, status: 'done', percent: 100, result: 'Đã tuyên truyền tại 12 tổ dân phố', evidenceIds }),
      });
    const start = (await api.call(`/assignments/${hoankiemAssignment}/work`, { as: 'hoankiem' })).body;
    const refused = await progress([photo.body.id, theirs.body.id], start.version);
    expect([refused.status, refused.body.code]).toEqual([400, 'EXECUTION.EVIDENCE_NOT_ATTACHABLE']);
    const done = await progress([photo.body.id], start.version);
    expect(done.status).toBe(200);
    const work = (await api.call(`/assignments/${hoankiemAssignment}/work`, { as: 'dept' })).body;
    expect(work.evidence.map((e: { id: string }) => e.id)).toContain(photo.body.id);
    expect(work.evidence.find((e: { id: string }) => e.id === photo.body.id)).toEqual(photo.body);
    expect(work.allowedActions).toContain('verify');
    expect((await api.call(`/assignments/${hoankiemAssignment}/verify`, { as: 'dept', method: 'POST', body: JSON.stringify({ version: work.version }) })).status).toBe(200);
    const late = await upload('hoankiem', hoankiemAssignment, samplePdf());
    expect([late.status, late.body.code]).toEqual([403, 'EXECUTION.EVIDENCE_UPLOAD_REFUSED']);
    // Still downloadable by those who see it.
    expect((await download('hoankiem', photo.body.id)).status).toBe(200);
  });
});
