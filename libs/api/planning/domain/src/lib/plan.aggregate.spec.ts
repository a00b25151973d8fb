import { Plan, type PlanDraftContent, type PlanProps } from './plan.aggregate';

const content = (over: Partial<PlanDraftContent> = {}): PlanDraftContent => ({
  title: 'Kế hoạch Chuyển đổi số năm 2025',
  symbol: 'KH-UBND',
  year: 2025,
  focalUnitCode: '01-SKHCN',
  parentPlanId: null,
  document: { theme: null, legalBases: [], purposes: [], directingLeaders: [], reportingDuties: [], sections: [{ code: 'I', title: 'Chính quyền số' }] },
  tasks: [
    { id: 't1', parentTaskId: null, ordinal: 1, section: 'I', content: 'Tuyên truyền', expectedResult: null, directingLeader: null, timeframe: 'Quý IV', timeframeNormalized: null, notes: null, leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [] },
  ],
  indicators: [{ id: 'i1', ordinal: 1, section: 'I', name: 'Tỷ lệ DVCTT toàn trình', targets: [{ year: 2025, text: '100%' }], directingLeader: null, focal: [{ unit: '01-TTPVHCC' }], implementing: [] , coordinators: [] }],
  ...over,
});

const draft = (over: Partial<PlanDraftContent> = {}) =>
  Plan.draft({ id: 'p1', provinceCode: '01', issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', issuerTier: 1, ...content(over) });

function issued(): Plan {
  const plan = draft();
  plan.submit('a');
  plan.approve('b');
  plan.issue('b', 402, '2024-12-31', 10);
  plan.pullEvents();
  return plan;
}

describe('Plan', () => {
  it('is issued in its year or in the last days of the year before (402/KH-UBND: 31/12/2024 for 2025), never two years off', () => {
    expect(issued().snapshot()).toMatchObject({ status: 'issued', number: 402, issueDate: '2024-12-31' });
    const plan = draft();
    plan.submit('a');
    plan.approve('b');
    expect(() => plan.issue('b', 1, '2023-12-31', 0)).toThrow(expect.objectContaining({ code: 'PLANNING.PLAN_INVALID' }));
    expect(() => plan.issue('b', 1, '2025-02-30', 0)).toThrow(expect.objectContaining({ code: 'PLANNING.PLAN_INVALID' }));
  });

  it('refuses tasks in unknown sections, duplicate section codes and indicators without targets, naming the field', () => {
    const badSection = content();
    badSection.tasks = [{ ...badSection.tasks[0], section: 'IX' }];
    expect(() => draft(badSection)).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'body.tasks.0.section' })] }));
    expect(() => draft({ document: { ...content().document, sections: [{ code: 'I', title: 'a' }, { code: 'I', title: 'b' }] } })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'body.sections' })] }),
    );
    expect(() => draft({ indicators: [{ ...content().indicators[0], targets: [] }] })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'body.indicators.0.targets' })] }),
    );
    expect(() => draft({ indicators: [{ ...content().indicators[0], targets: [{ year: 2025, text: '1' }, { year: 2025, text: '2' }] }] })).toThrow(
      expect.objectContaining({ code: 'PLANNING.PLAN_INVALID' }),
    );
  });

  it('is submitted only with at least one task: an empty plan stays a draft', () => {
    const empty = draft({ tasks: [] });
    expect(() => empty.submit('a')).toThrow(expect.objectContaining({ code: 'PLANNING.PLAN_INVALID', fields: [expect.objectContaining({ field: 'plan.tasks' })] }));
    expect(empty.snapshot().status).toBe('draft');
  });

  it('links a parent task only in an implementing plan (one with a parent plan)', () => {
    const linked = content();
    linked.tasks = [{ ...linked.tasks[0], parentTaskId: 'pt1' }];
    expect(() => draft(linked)).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'body.tasks.0.parentTaskId' })] }));
    expect(() => draft({ ...linked, parentPlanId: 'pp1' })).not.toThrow();
  });

  it('an issued plan changes only by amendment, with its reason, from the current version; number and year stay', () => {
    const plan = issued();
    const v = plan.snapshot().version;
    expect(() => plan.revise(content(), v)).toThrow(expect.objectContaining({ code: 'PLANNING.NOT_EDITABLE' }));
    expect(() => plan.amend(content(), v - 1, 'lanhdao', 'Bổ sung', { tasksChanged: 0, tasksAdded: 0, tasksRemoved: 0 })).toThrow(
      expect.objectContaining({ code: 'PLANNING.VERSION_CONFLICT', extra: { currentVersion: v } }),
    );
    expect(() => plan.amend(content(), v, 'lanhdao', '  ', { tasksChanged: 0, tasksAdded: 0, tasksRemoved: 0 })).toThrow(expect.objectContaining({ code: 'PLANNING.PLAN_INVALID' }));
    expect(() => plan.amend(content({ year: 2026 }), v, 'lanhdao', 'Đổi năm', { tasksChanged: 0, tasksAdded: 0, tasksRemoved: 0 })).toThrow(expect.objectContaining({ code: 'PLANNING.PLAN_INVALID' }));
    expect(() => plan.amend(content({ parentPlanId: 'x' }), v, 'lanhdao', 'Đổi cha', { tasksChanged: 0, tasksAdded: 0, tasksRemoved: 0 })).toThrow(expect.objectContaining({ code: 'PLANNING.PLAN_INVALID' }));

    plan.amend(content({ title: 'Kế hoạch (điều chỉnh)' }), v, 'lanhdao', 'Điều chỉnh theo chỉ đạo', { tasksChanged: 1, tasksAdded: 0, tasksRemoved: 0 });
    const s: Readonly<PlanProps> = plan.snapshot();
    expect(s).toMatchObject({ status: 'issued', number: 402, issueDate: '2024-12-31', version: v + 1, amendmentCount: 1, title: 'Kế hoạch (điều chỉnh)' });
    expect(plan.pullEvents()).toEqual([
      expect.objectContaining({ type: 'planning.plan-amended', payload: expect.objectContaining({ by: 'lanhdao', reason: 'Điều chỉnh theo chỉ đạo', amendment: 1, tasksChanged: 1 }) }),
    ]);
  });

  it('a draft is not amended, and an implementing plan cannot change its parent', () => {
    const plan = draft({ parentPlanId: 'parent' });
    expect(() => plan.amend(content({ parentPlanId: 'parent' }), 1, 'x', 'y', { tasksChanged: 0, tasksAdded: 0, tasksRemoved: 0 })).toThrow(
      expect.objectContaining({ code: 'PLANNING.TRANSITION_REFUSED' }),
    );
    expect(() => plan.revise(content({ parentPlanId: 'other' }), 1)).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'body.parentPlanId' })] }));
  });

  it('transition events name who is concerned, so notifications need nothing else', () => {
    const plan = draft();
    plan.pullEvents();
    plan.submit('skhcn');
    expect(plan.pullEvents()[0].payload).toMatchObject({ by: 'skhcn', issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', title: 'Kế hoạch Chuyển đổi số năm 2025' });
  });
});
