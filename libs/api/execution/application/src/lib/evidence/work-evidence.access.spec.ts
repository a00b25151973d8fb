import type { WorkProps } from '@dieu-hanh/api/execution/domain';
import { scopeFor } from '@dieu-hanh/api/shared/kernel';
import type { WorkFacts } from '../access/work-access.policy';
import type { AssignmentOfWork, WorkRepository } from '../ports/work.repository';
import { WorkEvidenceAccess } from './work-evidence.access';

const ID = '11111111-1111-4111-8111-111111111111';

const facts = (over: Partial<WorkFacts> = {}): WorkFacts => ({
  provinceCode: '01',
  unitCode: '00070',
  unitCommuneCode: '00070',
  role: 'lead',
  assignmentStatus: 'assigned',
  planStatus: 'issued',
  taskRemoved: false,
  issuerTier: 1,
  issuerUnitCode: '01-UBND',
  draftingUnitCode: '01-SKHCN',
  focalUnitCode: '01-SKHCN',
  taskLeads: [{ unitCode: '00070', communeCode: '00070' }],
  ...over,
});

const works = (access: WorkFacts | null, work: Partial<WorkProps> | null = null) =>
  ({
    assignment: async (id: string) =>
      access && id === ID ? ({ assignmentId: ID, planId: 'p', planTitle: 'P', planSymbol: '1/KH', taskId: 't', taskOrdinal: 1, taskContent: 'x', taskDue: null, directingLeader: null, unitName: 'Phường Hoàn Kiếm', access } as AssignmentOfWork) : null,
    find: async () => (work ? ({ assignmentId: ID, status: 'in-progress', verification: 'none', ...work } as WorkProps) : null),
  }) as unknown as WorkRepository;

const officer = scopeFor({ provinceCode: '01', unitCode: '00070', communeCode: '00070', tier: 2, roles: ['commune-officer'] });
const badinh = scopeFor({ provinceCode: '01', unitCode: '00004', communeCode: '00004', tier: 2, roles: ['commune-officer'] });
const dept = scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: ['department-officer'] });

describe('WorkEvidenceAccess: evidence follows the work access policy', () => {
  it.each([
    ['the assignee commune’s officer, work not started', officer, facts(), null, { visible: true, mayUpload: true }],
    ['the assignee, work returned', officer, facts(), { status: 'done', verification: 'returned' }, { visible: true, mayUpload: true }],
    ['the assignee, work pending verification', officer, facts(), { status: 'done', verification: 'pending' }, { visible: true, mayUpload: true }],
    ['the assignee, work verified', officer, facts(), { status: 'done', verification: 'verified' }, { visible: true, mayUpload: false }],
    ['the assignee, plan closed', officer, facts({ planStatus: 'closed' }), null, { visible: true, mayUpload: false }],
    ['the assignee, assignment withdrawn', officer, facts({ assignmentStatus: 'withdrawn' }), null, { visible: true, mayUpload: false }],
    ['another commune', badinh, facts(), null, { visible: false, mayUpload: false }],
    ['the department that drafted the plan', dept, facts(), null, { visible: true, mayUpload: false }],
  ] as const)('%s', async (_, scope, access, work, expected) => {
    expect(await new WorkEvidenceAccess(works(access, work)).of(scope, ID)).toEqual({ ...expected, unitCode: '00070' });
  });

  it('no such assignment: null', async () => {
    expect(await new WorkEvidenceAccess(works(null)).of(officer, ID)).toBeNull();
  });
});
