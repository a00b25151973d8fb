import { randomUUID } from 'node:crypto';
import type { PlanDraftContent } from '@dieu-hanh/api/planning/domain';
import { planInvalid } from '@dieu-hanh/api/planning/domain';
import { type DirectorySnapshot, DirectorySnapshotQuery } from '@dieu-hanh/api/shared/kernel';
import type { QueryBus } from '@nestjs/cqrs';
import type { PlanDraftRequest, UnitRefDto } from '@dieu-hanh/shared/contracts';

/** Turns a draft request into plan content, checking every unit and group it names against the directory. */
export async function planContentFrom(raw: PlanDraftRequest, provinceCode: string, queries: QueryBus): Promise<{ content: PlanDraftContent; snapshot: DirectorySnapshot }> {
  const data = normalizeRefs(raw);
  const refs = data.tasks.flatMap((t) => [...t.leads, ...t.coordinators]);
  const unitCodes = [...new Set([...refs.flatMap((r) => ('unit' in r ? [r.unit] : [])), ...(data.focalUnitCode ? [data.focalUnitCode] : [])])];
  const groupCodes = [...new Set(refs.flatMap((r) => ('group' in r ? [r.group] : [])))];
  const today = new Date().toISOString().slice(0, 10);
  const snapshot = await queries.execute<DirectorySnapshotQuery, DirectorySnapshot>(new DirectorySnapshotQuery(provinceCode, today, unitCodes, groupCodes));
  data.tasks.forEach((t, i) => {
    for (const [role, list] of [['leads', t.leads], ['coordinators', t.coordinators]] as const) {
      list.forEach((r, j) => {
        const known = 'unit' in r ? !!snapshot.units[r.unit] : !!snapshot.groups[r.group];
        if (!known) {
          const name = 'unit' in r ? r.unit : r.group;
          throw planInvalid(`body.tasks.${i}.${role}.${j}`, `Không có đơn vị hoặc nhóm "${name}" trong danh mục của tỉnh, thành phố.`, `No unit or group "${name}" in the province's directory.`);
        }
      });
    }
  });
  if (data.focalUnitCode && !snapshot.units[data.focalUnitCode]) {
    throw planInvalid('body.focalUnitCode', 'Cơ quan đầu mối không có trong danh mục.', 'The focal unit is not in the directory.');
  }
  return {
    snapshot,
    content: {
      title: data.title.trim(),
      symbol: data.symbol ?? 'KH-UBND',
      year: data.year,
      focalUnitCode: data.focalUnitCode ?? null,
      tasks: data.tasks.map((t, i) => ({
        id: randomUUID(),
        ordinal: i + 1,
        section: t.section ?? null,
        content: t.content.trim(),
        expectedResult: t.expectedResult ?? null,
        directingLeader: t.directingLeader ?? null,
        timeframe: t.timeframe ?? null,
        leads: t.leads,
        coordinators: t.coordinators,
      })),
    },
  };
}

/** Request bodies may carry `{ unit, group: undefined }`: keep exactly the one that is set. */
function normalizeRefs(data: PlanDraftRequest): PlanDraftRequest {
  const one = (r: UnitRefDto, field: string): UnitRefDto => {
    const unit = (r as { unit?: unknown }).unit;
    const group = (r as { group?: unknown }).group;
    if (typeof unit === 'string' && typeof group === 'string') {
      throw planInvalid(field, 'Chỉ ghi đơn vị hoặc nhóm, không cả hai.', 'Name a unit or a group, not both.');
    }
    return typeof unit === 'string' ? { unit } : { group: String(group) };
  };
  return {
    ...data,
    tasks: data.tasks.map((t, i) => ({
      ...t,
      leads: t.leads.map((r, j) => one(r, `body.tasks.${i}.leads.${j}`)),
      coordinators: t.coordinators.map((r, j) => one(r, `body.tasks.${i}.coordinators.${j}`)),
    })),
  };
}
