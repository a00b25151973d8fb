import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { MemoryOfflineStore } from './offline-store';
import { OfflineQueue, type QueuedUpdate, UpdateRefused } from './offline-queue';
import { assignmentWork, evidence, nextRequest, setOnline, setupWork, tick } from './testing';

const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], 'anh.jpg', { type: 'image/jpeg' });
const isUpload = (r: { url: string; method: string }) => r.method === 'POST' && r.url === 'http://api/assignments/a1/evidence';
const isProgress = (r: { url: string; method: string }) => r.method === 'POST' && r.url === 'http://api/assignments/a1/progress';

function start(store = new MemoryOfflineStore<unknown>()) {
  const { http } = setupWork([], store);
  const queue = TestBed.inject(OfflineQueue);
  return { http, queue, store };
}

function update(queue: OfflineQueue, files: File[] = [photo()], version = 2): QueuedUpdate {
  return queue.create('a1', 'Tuyên truyền', { version, status: 'done', percent: 100, note: 'Xong', result: 'Báo cáo' }, files);
}

afterEach(() => jest.restoreAllMocks());

describe('OfflineQueue', () => {
  it('keeps an update written offline with its keys and blobs, and sends it once when the connection returns', async () => {
    setOnline(false);
    const { http, queue, store } = start();
    await queue.ready;
    const u = update(queue);
    const outcome = await queue.submit(u);
    expect(outcome.kind).toBe('queued');
    http.expectNone(() => true);
    // Stored on the phone: the update's key, the file's own key and its blob.
    const [kept] = (await store.all()) as QueuedUpdate[];
    expect(kept.key).toBe(u.key);
    expect(kept.files[0].key).toBe(u.files[0].key);
    expect(kept.files[0].key).not.toBe(u.key);
    expect(kept.files[0].blob).toBeInstanceOf(Blob);
    expect(queue.items().map((x) => x.state)).toEqual(['waiting']);
    expect(queue.assignmentIds().has('a1')).toBe(true);

    const sent: string[] = [];
    queue.sent.subscribe((s) => sent.push(s.update.key));
    setOnline(true);
    const upload = await nextRequest(http, isUpload);
    expect(upload.request.headers.get('Idempotency-Key')).toBe(u.files[0].key);
    expect(upload.request.body).toBeInstanceOf(FormData);
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(Blob);
    upload.flush(evidence({ id: 'ev-1' }));
    const progress = await nextRequest(http, isProgress);
    expect(progress.request.headers.get('Idempotency-Key')).toBe(u.key);
    expect(progress.request.body).toEqual({ version: 2, status: 'done', percent: 100, note: 'Xong', result: 'Báo cáo', evidenceIds: ['ev-1'] });
    progress.flush(assignmentWork({ status: 'done', percent: 100, verification: 'pending', version: 3 }));
    await queue.flush();
    expect(sent).toEqual([u.key]);
    expect(queue.items()).toEqual([]);
    expect(await store.all()).toEqual([]);
    // A second "online" sends nothing again.
    setOnline(true);
    await queue.flush();
    http.expectNone(() => true);
  });

  it('a replay after a lost answer sends the same keys and never uploads an uploaded file again', async () => {
    setOnline(true);
    const { http, queue, store } = start();
    await queue.ready;
    const u = update(queue);
    const submitting = queue.submit(u);
    (await nextRequest(http, isUpload)).flush(evidence({ id: 'ev-1' }));
    // The update's answer never arrives: it is kept, with the uploaded evidence id.
    (await nextRequest(http, isProgress)).error(new ProgressEvent('error'), { status: 0 });
    expect((await submitting).kind).toBe('queued');
    const [kept] = (await store.all()) as QueuedUpdate[];
    expect(kept.files[0].evidenceId).toBe('ev-1');
    expect(kept.state).toBe('waiting');

    void queue.flush();
    const replay = await nextRequest(http, isProgress);
    http.expectNone((r) => isUpload(r));
    expect(replay.request.headers.get('Idempotency-Key')).toBe(u.key);
    expect(replay.request.body).toMatchObject({ evidenceIds: ['ev-1'] });
    replay.flush(assignmentWork({ version: 3 }), { headers: { 'Idempotent-Replayed': 'true' } });
    await queue.flush();
    expect(queue.items()).toEqual([]);
  });

  it('a 409 on replay marks the update as needing attention instead of dropping it; sending again uses the current version and a fresh key', async () => {
    setOnline(false);
    const { http, queue, store } = start();
    await queue.ready;
    const u = update(queue, []);
    await queue.submit(u);
    setOnline(true);
    (await nextRequest(http, isProgress)).flush(
      { status: 409, code: 'EXECUTION.VERSION_CONFLICT', message: { vi: 'Đã có cập nhật mới hơn', en: 'Stale version' }, current: assignmentWork({ version: 7 }) },
      { status: 409, statusText: 'Conflict' },
    );
    await queue.flush();
    expect(queue.items()).toHaveLength(1);
    expect(queue.items()[0]).toMatchObject({ state: 'attention', problem: { status: 409, code: 'EXECUTION.VERSION_CONFLICT', currentVersion: 7 } });
    expect(((await store.all()) as QueuedUpdate[])[0].state).toBe('attention');
    // Nothing is sent by itself while it needs attention.
    setOnline(true);
    await queue.flush();
    http.expectNone(() => true);

    await queue.retry(u.key);
    const again = await nextRequest(http, isProgress);
    expect(again.request.body).toMatchObject({ version: 7, status: 'done' });
    expect(again.request.headers.get('Idempotency-Key')).not.toBe(u.key);
    again.flush(assignmentWork({ version: 8 }));
    await queue.flush();
    expect(queue.items()).toEqual([]);
    expect(await store.all()).toEqual([]);
  });

  it('keeps waiting with backoff when the API is unavailable, and can be discarded', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      setOnline(false);
      const { http, queue } = start();
      await queue.ready;
      const u = update(queue, []);
      await queue.submit(u);
      setOnline(true);
      await Promise.resolve();
      jest.advanceTimersByTime(1);
      let req = http.match(isProgress);
      for (let i = 0; i < 20 && !req.length; i++) {
        await Promise.resolve();
        req = http.match(isProgress);
      }
      expect(req).toHaveLength(1);
      req[0].flush({ status: 503, code: 'SERVER.UNAVAILABLE', message: { vi: 'Tạm ngừng', en: 'Unavailable' } }, { status: 503, statusText: 'Unavailable' });
      for (let i = 0; i < 20; i++) await Promise.resolve();
      expect(queue.items()[0]).toMatchObject({ state: 'waiting', attempts: 1, problem: { status: 503 } });
      // The retry comes by itself after the backoff.
      jest.advanceTimersByTime(2_100);
      let retry = http.match(isProgress);
      for (let i = 0; i < 20 && !retry.length; i++) {
        await Promise.resolve();
        retry = http.match(isProgress);
      }
      expect(retry).toHaveLength(1);
      expect(retry[0].request.headers.get('Idempotency-Key')).toBe(u.key);
      retry[0].flush({ status: 503, code: 'SERVER.UNAVAILABLE', message: { vi: 'Tạm ngừng', en: 'Unavailable' } }, { status: 503, statusText: 'Unavailable' });
      for (let i = 0; i < 20; i++) await Promise.resolve();
      await queue.discard(u.key);
      expect(queue.items()).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('loads what a closed page left and sends it; a "sending" left over is waiting again', async () => {
    const store = new MemoryOfflineStore<unknown>();
    setOnline(false);
    const first = start(store);
    await first.queue.ready;
    const u = update(first.queue, []);
    await first.queue.submit(u);
    await store.put(u.key, { ...((await store.all())[0] as QueuedUpdate), state: 'sending' });
    TestBed.resetTestingModule();

    setOnline(true);
    const { http, queue } = start(store);
    await queue.ready;
    expect(queue.items().map((x) => [x.key, x.state === 'sending' ? 'sending' : 'not sending'])).toEqual([[u.key, expect.any(String)]]);
    const req = await nextRequest(http, isProgress);
    expect(req.request.headers.get('Idempotency-Key')).toBe(u.key);
    req.flush(assignmentWork({ version: 3 }));
    await queue.flush();
    expect(queue.items()).toEqual([]);
  });

  it('sends two updates of one assignment in order, the second from the first one’s new version', async () => {
    setOnline(false);
    const { http, queue } = start();
    await queue.ready;
    const a = update(queue, [], 2);
    await queue.submit(a);
    await tick(2);
    const b = queue.create('a1', 'Tuyên truyền', { version: 2, status: 'done', percent: 100 }, []);
    await queue.submit(b);
    setOnline(true);
    const r1 = await nextRequest(http, isProgress);
    expect(r1.request.headers.get('Idempotency-Key')).toBe(a.key);
    r1.flush(assignmentWork({ version: 3 }));
    const r2 = await nextRequest(http, isProgress);
    expect(r2.request.headers.get('Idempotency-Key')).toBe(b.key);
    expect(r2.request.body).toMatchObject({ version: 3 });
    r2.flush(assignmentWork({ version: 4 }));
    await queue.flush();
    expect(queue.items()).toEqual([]);
  });

  it('online, a refusal (field errors) is thrown to the page and nothing is kept', async () => {
    setOnline(true);
    const { http, queue, store } = start();
    await queue.ready;
    const u = update(queue, []);
    const submitting = queue.submit(u);
    (await nextRequest(http, isProgress)).flush(
      { status: 400, code: 'EXECUTION.WORK_INVALID', message: { vi: 'Hoàn thành là 100%', en: 'Done is 100%' }, errors: [{ field: 'body.percent', code: 'x', message: { vi: 'Phải là 100', en: 'Must be 100' } }] },
      { status: 400, statusText: 'Bad Request' },
    );
    const err = await submitting.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpdateRefused);
    expect((err as UpdateRefused).problem.fields['percent']).toEqual({ vi: 'Phải là 100', en: 'Must be 100' });
    expect(queue.items()).toEqual([]);
    expect(await store.all()).toEqual([]);
    TestBed.inject(HttpTestingController).verify();
  });
});
