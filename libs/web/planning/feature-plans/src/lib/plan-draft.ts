import type { PlanDetailDto, PlanDraftRequest, PlanTaskDto, UnitRefDto } from '@dieu-hanh/shared/contracts';

/** Lines of a textarea → list (empty lines dropped); list → lines. */
export const toLines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);
export const fromLines = (list: readonly string[] | null | undefined): string => (list ?? []).join('\n');

/** A plan as the editor starts from it: a saved draft, or nothing. */
export function draftOf(p: PlanDetailDto): PlanDraftRequest {
  return {
    title: p.title,
    symbol: p.symbol,
    year: p.year,
    focalUnitCode: p.focalUnitCode,
    theme: p.theme,
    legalBases: p.legalBases,
    purposes: p.purposes,
    directingLeaders: p.directingLeaders,
    reportingDuties: p.reportingDuties,
    parentPlanId: p.parentPlanId,
    sections: p.sections,
    tasks: p.tasks.map((t) => ({
      id: t.id,
      section: t.section,
      content: t.content,
      expectedResult: t.expectedResult,
      directingLeader: t.directingLeader,
      timeframe: t.timeframe,
      notes: t.notes,
      parentTaskId: t.parentTaskId,
      leads: t.leads,
      coordinators: t.coordinators,
    })),
    indicators: p.indicators.map((i) => ({
      id: i.id,
      section: i.section,
      name: i.name,
      targets: i.targets.map((x) => ({ year: x.year, text: x.text })),
      directingLeader: i.directingLeader,
      focal: i.focal,
      implementing: i.implementing,
      coordinators: i.coordinators,
    })),
  };
}

/** The parent plan's tasks assigned to `unitCode` (a commune sees only its own assignments). */
export function tasksAssignedTo(parent: PlanDetailDto, unitCode: string): PlanTaskDto[] {
  return parent.tasks.filter((t) => t.assignments.some((a) => a.unitCode === unitCode && a.status !== 'withdrawn'));
}

/**
 * A commune's implementing plan prefilled from the city's issued plan: one task per parent task
 * assigned to the commune (content copied, `parentTaskId` set), to be assigned to the commune's offices.
 */
export function implementingDraft(parent: PlanDetailDto, unitCode: string): PlanDraftRequest {
  const tasks = tasksAssignedTo(parent, unitCode);
  const usedSections = new Set(tasks.map((t) => t.section).filter(Boolean));
  const noLeads: UnitRefDto[] = [];
  return {
    title: `Kế hoạch triển khai ${parent.number ? `Kế hoạch số ${parent.number}/${parent.symbol}: ` : ''}${parent.title}`,
    year: parent.year,
    focalUnitCode: unitCode,
    theme: parent.theme,
    legalBases: [`${parent.number ? `Kế hoạch số ${parent.number}/${parent.symbol}` : 'Kế hoạch'} ${parent.title}`],
    parentPlanId: parent.id,
    sections: parent.sections.filter((s) => usedSections.has(s.code)),
    tasks: tasks.map((t) => ({
      section: t.section,
      content: t.content,
      expectedResult: t.expectedResult,
      timeframe: t.timeframe,
      parentTaskId: t.id,
      leads: noLeads,
      coordinators: [],
    })),
    indicators: [],
  };
}
