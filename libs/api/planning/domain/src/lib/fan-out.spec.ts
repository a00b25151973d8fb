import fc from 'fast-check';
import { type DirectoryAsOf, fanOut } from './fan-out';

const communes = Array.from({ length: 126 }, (_, i) => String(i + 1).padStart(5, '0'));
const directory: DirectoryAsOf = {
  unitState: (c) => (c === '01-STTTT' ? 'closed' : c === '01-OLD' ? 'closed' : c.startsWith('01-') || communes.includes(c) ? 'valid' : 'unknown'),
  successorOf: (c) => (c === '01-STTTT' ? '01-SKHCN' : null),
  groupMembers: (g) => (g === '01-G-XA-PHUONG' ? communes : g === '01-G-SO-BAN-NGANH' ? ['01-SKHCN', '01-SGDDT', '01-SVHTT'] : g === '01-G-EMPTY' ? [] : null),
};

describe('fanOut', () => {
  it('expands "UBND các xã, phường" into 126 assignments for one task', () => {
    const { assignments, unresolved } = fanOut([{ taskId: 't1', leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [{ unit: '01-SKHCN' }] }], directory);
    expect(assignments.filter((a) => a.role === 'lead')).toHaveLength(126);
    expect(assignments.filter((a) => a.role === 'coordinator').map((a) => a.unitCode)).toEqual(['01-SKHCN']);
    expect(assignments[0]).toMatchObject({ viaGroup: '01-G-XA-PHUONG', succeeds: null });
    expect(unresolved).toEqual([]);
  });

  it('sends work for a merged department to its successor, remembering the predecessor', () => {
    const { assignments } = fanOut([{ taskId: 't1', leads: [{ unit: '01-STTTT' }], coordinators: [] }], directory);
    expect(assignments).toEqual([{ taskId: 't1', unitCode: '01-SKHCN', role: 'lead', viaGroup: null, succeeds: '01-STTTT' }]);
  });

  it('one assignment per unit and task: lead wins over coordinator', () => {
    const { assignments } = fanOut(
      [{ taskId: 't1', leads: [{ unit: '01-STTTT' }], coordinators: [{ group: '01-G-SO-BAN-NGANH' }, { unit: '01-SKHCN' }] }],
      directory,
    );
    expect(assignments.filter((a) => a.unitCode === '01-SKHCN')).toEqual([expect.objectContaining({ role: 'lead' })]);
    expect(assignments.filter((a) => a.role === 'coordinator').map((a) => a.unitCode).sort()).toEqual(['01-SGDDT', '01-SVHTT']);
  });

  it('keeps a pending reference ("UBND các xã, phường đã đề xuất") for a human: no assignment, reported, never guessed', () => {
    const { assignments, unresolved, pending } = fanOut(
      [{ taskId: 't1', leads: [{ pending: 'UBND các xã, phường đã đề xuất' }], coordinators: [{ unit: '01-SKHCN', asWritten: 'Sở KH&CN' }] }],
      directory,
    );
    expect(assignments.map((a) => `${a.role}:${a.unitCode}`)).toEqual(['coordinator:01-SKHCN']);
    expect(unresolved).toEqual([]);
    expect(pending).toEqual([{ taskId: 't1', role: 'lead', text: 'UBND các xã, phường đã đề xuất' }]);
  });

  it('reports what it cannot resolve instead of guessing', () => {
    const { assignments, unresolved } = fanOut(
      [{ taskId: 't9', leads: [{ unit: 'NOPE' }, { group: 'G-NOPE' }, { unit: '01-OLD' }, { group: '01-G-EMPTY' }], coordinators: [] }],
      directory,
    );
    expect(assignments).toEqual([]);
    expect(unresolved.map((u) => u.reason)).toEqual(['unknown-unit', 'unknown-group', 'closed-without-successor', 'empty-group']);
  });

  it('property: never two assignments for the same task and unit; every assignment is a valid unit', () => {
    const ref = fc.oneof(
      fc.constantFrom('01-SKHCN', '01-SGDDT', '01-STTTT', '00001', '00126', 'NOPE').map((unit) => ({ unit })),
      fc.constantFrom('01-G-XA-PHUONG', '01-G-SO-BAN-NGANH', 'G-NOPE').map((group) => ({ group })),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ taskId: fc.constantFrom('a', 'b', 'c'), leads: fc.array(ref, { maxLength: 4 }), coordinators: fc.array(ref, { maxLength: 4 }) }), { maxLength: 5 }), (tasks) => {
        const unique = tasks.filter((t, i) => tasks.findIndex((x) => x.taskId === t.taskId) === i);
        const { assignments } = fanOut(unique, directory);
        const keys = assignments.map((a) => `${a.taskId}|${a.unitCode}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(assignments.every((a) => directory.unitState(a.unitCode) === 'valid')).toBe(true);
      }),
    );
  });
});
