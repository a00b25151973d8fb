import { randomUUID } from 'node:crypto';
import type { PlanDraftContent, UnitRef } from '@dieu-hanh/api/planning/domain';
import { planInvalid, refCode, referenceOutOfReach } from '@dieu-hanh/api/planning/domain';
import { type PlanIssuer, mayAssignUnit } from '../access/plan-access.policy';
import { type DirectorySnapshot, DirectorySnapshotQuery } from '@dieu-hanh/api/organization/contracts';
import type { QueryBus } from '@nestjs/cqrs';
import type { PlanDraftRequest, UnitRefDto } from '@dieu-hanh/shared/contracts';
import { parseTimeframe } from '@dieu-hanh/shared/util-timeframe';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a plan's content is read: its province, its issuer (whose reach bounds what it assigns), the day. */
export interface PlanContentContext {
  provinceCode: string;
  /** The committee issuing the plan: a city plan may assign any unit of the province, a commune's plan only itself and its offices. */
  issuer: PlanIssuer;
  /** The ids of the plan being revised or amended: a client may keep those, never invent its own. */
  keepIds?: { tasks: ReadonlySet<string>; indicators: ReadonlySet<string> };
  /** The day the references are checked against: today in Vietnam, from the injected clock. */
  asOf: string;
}

/**
 * Turns a draft request into plan content, checking every unit and group it names against the
 * directory and against the issuer's reach (at draft, revision and amendment; the fan-out checks the
 * same rule again at issue, when groups and successions are resolved). Tasks and indicators keep the ids
 * they already had, so an amendment can tell a changed task from a new one.
 */
export async function planContentFrom(
  raw: PlanDraftRequest,
  ctx: PlanContentContext,
  queries: QueryBus,
): Promise<{ content: PlanDraftContent; snapshot: DirectorySnapshot }> {
  const { provinceCode, issuer, keepIds = { tasks: new Set<string>(), indicators: new Set<string>() }, asOf } = ctx;
  const data = normalizeRefs(raw);
  const refLists: [string, UnitRef[]][] = [
    ...data.tasks.flatMap((t, i) => [
      [`body.tasks.${i}.leads`, t.leads],
      [`body.tasks.${i}.coordinators`, t.coordinators],
    ] as [string, UnitRef[]][]),
    ...(data.indicators ?? []).flatMap((ind, i) => [
      [`body.indicators.${i}.focal`, ind.focal],
      [`body.indicators.${i}.implementing`, ind.implementing],
      [`body.indicators.${i}.coordinators`, ind.coordinators ?? []],
    ] as [string, UnitRef[]][]),
  ];
  const refs = refLists.flatMap(([, list]) => list);
  const reportingUnits = (data.reportingDuties ?? []).flatMap((d) => (d.unitCode ? [d.unitCode] : []));
  const unitCodes = [...new Set([...refs.flatMap((r) => ('unit' in r ? [r.unit] : [])), ...(data.focalUnitCode ? [data.focalUnitCode] : []), ...reportingUnits])];
  const groupCodes = [...new Set(refs.flatMap((r) => ('group' in r ? [r.group] : [])))];
  const snapshot = await queries.execute<DirectorySnapshotQuery, DirectorySnapshot>(new DirectorySnapshotQuery(provinceCode, asOf, unitCodes, groupCodes));
  // A commune learns nothing from the answer: a unit of another commune and a unit that does not exist
  // are refused alike.
  const inReach = (code: string) => {
    const unit = snapshot.units[code];
    return !!unit && mayAssignUnit(issuer, unit);
  };
  const refuse = (field: string, name: string) => {
    if (issuer.tier === 2) throw referenceOutOfReach(field, name);
    throw planInvalid(field, `Không có đơn vị hoặc nhóm "${name}" trong danh mục của tỉnh, thành phố.`, `No unit or group "${name}" in the province's directory.`);
  };
  for (const [field, list] of refLists) {
    list.forEach((r, j) => {
      if ('pending' in r) return;
      const ok = 'unit' in r ? inReach(r.unit) : !!snapshot.groups[r.group] && snapshot.groups[r.group].every(inReach);
      if (!ok) refuse(`${field}.${j}`, refCode(r) ?? '');
    });
  }
  if (data.focalUnitCode && !inReach(data.focalUnitCode)) {
    if (issuer.tier === 2) throw referenceOutOfReach('body.focalUnitCode', data.focalUnitCode);
    throw planInvalid('body.focalUnitCode', 'Cơ quan đầu mối không có trong danh mục.', 'The focal unit is not in the directory.');
  }
  (data.reportingDuties ?? []).forEach((d, i) => {
    if (!d.unitCode || inReach(d.unitCode)) return;
    if (issuer.tier === 2) throw referenceOutOfReach(`body.reportingDuties.${i}.unitCode`, d.unitCode);
    throw planInvalid(`body.reportingDuties.${i}.unitCode`, 'Đơn vị báo cáo không có trong danh mục.', 'The reporting unit is not in the directory.');
  });
  const taskIds = new Set<string>();
  const idFor = (id: string | undefined, kept: ReadonlySet<string>, field: string): string => {
    if (id === undefined) return randomUUID();
    // A client may only name ids the plan already has: new rows get fresh ids from the server.
    if (!UUID.test(id) || !kept.has(id) || taskIds.has(id)) throw planInvalid(field, 'Mã dòng không thuộc kế hoạch này.', 'This id does not belong to the plan.');
    taskIds.add(id);
    return id;
  };
  const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    snapshot,
    content: {
      title: data.title.trim(),
      symbol: data.symbol ?? 'KH-UBND',
      year: data.year,
      focalUnitCode: data.focalUnitCode ?? null,
      parentPlanId: data.parentPlanId ?? null,
      document: {
        theme: text(data.theme),
        legalBases: (data.legalBases ?? []).map((s) => s.trim()).filter(Boolean),
        purposes: (data.purposes ?? []).map((s) => s.trim()).filter(Boolean),
        directingLeaders: (data.directingLeaders ?? []).map((s) => s.trim()).filter(Boolean),
        reportingDuties: (data.reportingDuties ?? []).map((d) => ({ text: d.text.trim(), unitCode: d.unitCode ?? null, timeframe: text(d.timeframe) })),
        sections: (data.sections ?? []).map((s) => ({ code: s.code.trim(), title: s.title.trim() })),
      },
      tasks: data.tasks.map((t, i) => ({
        id: idFor(t.id, keepIds.tasks, `body.tasks.${i}.id`),
        parentTaskId: t.parentTaskId ?? null,
        ordinal: i + 1,
        section: t.section ?? null,
        content: t.content.trim(),
        expectedResult: text(t.expectedResult),
        directingLeader: text(t.directingLeader),
        timeframe: text(t.timeframe),
        timeframeNormalized: text(t.timeframe) ? parseTimeframe(text(t.timeframe) as string, { planYear: data.year }) : null,
        notes: text(t.notes),
        leads: t.leads,
        coordinators: t.coordinators,
      })),
      indicators: (data.indicators ?? []).map((ind, i) => ({
        id: idFor(ind.id, keepIds.indicators, `body.indicators.${i}.id`),
        ordinal: i + 1,
        section: ind.section ?? null,
        name: ind.name.trim(),
        targets: ind.targets.map((t) => ({ year: t.year, text: t.text.trim() })),
        directingLeader: text(ind.directingLeader),
        focal: ind.focal,
        implementing: ind.implementing,
        coordinators: ind.coordinators ?? [],
      })),
    },
  };
}

/** Request bodies may carry `{ unit, group: undefined }`: keep exactly the one that is set, and its wording. */
function normalizeRefs(data: PlanDraftRequest): PlanDraftRequest {
  const one = (r: UnitRefDto, field: string): UnitRefDto => {
    const o = r as { unit?: unknown; group?: unknown; pending?: unknown; asWritten?: unknown };
    const set = [o.unit, o.group, o.pending].filter((x) => typeof x === 'string');
    if (set.length !== 1) {
      throw planInvalid(field, 'Ghi đúng một trong: đơn vị, nhóm, hoặc nội dung chờ xác định.', 'Name exactly one of a unit, a group, or a pending text.');
    }
    const asWritten = typeof o.asWritten === 'string' && o.asWritten.trim() ? { asWritten: o.asWritten.trim() } : {};
    if (typeof o.unit === 'string') return { unit: o.unit, ...asWritten };
    if (typeof o.group === 'string') return { group: o.group, ...asWritten };
    const pending = String(o.pending).trim();
    if (!pending) throw planInvalid(field, 'Nội dung chờ xác định không được để trống.', 'A pending reference keeps its text.');
    return { pending };
  };
  const list = (refs: UnitRefDto[] | undefined, field: string) => (refs ?? []).map((r, j) => one(r, `${field}.${j}`));
  return {
    ...data,
    tasks: data.tasks.map((t, i) => ({ ...t, leads: list(t.leads, `body.tasks.${i}.leads`), coordinators: list(t.coordinators, `body.tasks.${i}.coordinators`) })),
    indicators: (data.indicators ?? []).map((ind, i) => ({
      ...ind,
      focal: list(ind.focal, `body.indicators.${i}.focal`),
      implementing: list(ind.implementing, `body.indicators.${i}.implementing`),
      coordinators: list(ind.coordinators, `body.indicators.${i}.coordinators`),
    })),
  };
}
