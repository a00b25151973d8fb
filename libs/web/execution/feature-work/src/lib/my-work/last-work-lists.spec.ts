import { TestBed } from '@angular/core/testing';
import { workItem } from '../offline/testing';
import { LastWorkLists, MemorySnapshotStore, WORK_SNAPSHOT_STORE } from './last-work-lists';

const counts = { overdue: 1, dueSoon: 0, done: 0, pendingVerification: 0, open: 1, total: 1 };

describe('LastWorkLists', () => {
  it('answers the list kept for a query, else the last list fetched; a new start reads them from the phone', async () => {
    const phone = new MemorySnapshotStore();
    TestBed.configureTestingModule({ providers: [{ provide: WORK_SNAPSHOT_STORE, useValue: phone }] });
    const lists = TestBed.inject(LastWorkLists);
    lists.set('{"q":""}', { items: [workItem()], total: 1, counts });
    lists.set('{"q":"so hoa"}', { items: [workItem({ assignmentId: 'a9' })], total: 1, counts });
    expect((await lists.get('{"q":""}'))?.items.map((w) => w.assignmentId)).toEqual(['a1']);
    // A query never fetched online: the last list fetched.
    expect((await lists.get('{"q":"never"}'))?.items.map((w) => w.assignmentId)).toEqual(['a9']);

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: WORK_SNAPSHOT_STORE, useValue: phone }] });
    expect((await TestBed.inject(LastWorkLists).get('{"q":""}'))?.items.map((w) => w.assignmentId)).toEqual(['a1']);
  });
});
