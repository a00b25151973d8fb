import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ConsolidatePeriodCommand,
  DecideConsolidatedReportCommand,
  DecideUnitReportCommand,
  OpenPeriodCommand,
  ReportingStore,
  SaveConsolidatedReportCommand,
  SaveUnitReportCommand,
  StartUnitReportCommand,
} from '@dieu-hanh/api/reporting/application';
import { type CommandMetadata, DomainError, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { type IndicatorValueRequest, Role, type UnitReportDto } from '@dieu-hanh/shared/contracts';
import type { DirectorySeed } from '@dieu-hanh/shared/util-seed-directory';

/** What the reporting step of the demo seed did. */
export interface DemoReportingResult {
  periodsOpened: string[];
  alreadyThere: string[];
  unitReports: number;
  consolidated: string[];
}

const SEED_ACTOR = 'seed:demo-reporting';

/**
 * The demo's reporting (issue 12), through the reporting commands people send, acting as each unit:
 *
 * - 402/KH-UBND, Quý IV/2025: opened by its focal unit; 30 units (departments first, then communes) write
 *   their reports from their work with figures for the indicators they implement; the focal unit accepts all
 *   but one, which it returns with a reason; it consolidates, numbers the report (125/BC-SKHCN, 20/12/2025)
 *   and sends it to the leader, who approves it — the leader downloads it as DOCX from the dashboard.
 *   Phường Hoàn Kiếm and Phường Ba Đình have not reported: the tracker shows them late, to be urged.
 * - 138/KH-UBND, Quý IV/2025: opened; a handful of units submitted, nothing accepted yet: the focal unit's
 *   work in progress (Sở KH&CN, `skhcn.daumoi`).
 *
 * Idempotent: a plan whose quarter is already open is left as it is. Figures are made from a hash of unit and
 * indicator, so every database gets the same ones.
 */
export async function seedDemoReporting(app: INestApplicationContext, directory: DirectorySeed, planIds: Readonly<Record<string, string>>): Promise<DemoReportingResult> {
  const result: DemoReportingResult = { periodsOpened: [], alreadyThere: [], unitReports: 0, consolidated: [] };
  const bus = app.get(CommandBus);
  const store = app.get(ReportingStore, { strict: false });
  const units = new Map(directory.units.map((u) => [u.code, u]));
  const realms = new Map(directory.provinces.map((p) => [p.code, p.realm]));
  const meta = (unitCode: string, kind: 'officer' | 'focal' | 'leader', step: string): CommandMetadata => {
    const unit = units.get(unitCode);
    if (!unit) throw new Error(`unit ${unitCode} is not in the directory`);
    const roles = kind === 'leader' ? [unit.tier === 1 ? Role.Leader : Role.CommuneLeader] : kind === 'focal' ? [Role.DepartmentOfficer, Role.FocalOfficer] : [unit.tier === 1 ? Role.DepartmentOfficer : Role.CommuneOfficer];
    const actor = scopeFor({
      username: SEED_ACTOR,
      name: 'Dữ liệu mẫu / Seed',
      realm: realms.get(unit.provinceCode) ?? unit.provinceCode,
      provinceCode: unit.provinceCode,
      unitCode,
      tier: unit.tier,
      roles,
      communeCode: unit.tier === 2 ? (unit.kind === 'commune' ? unit.code : unit.parentCode) : null,
    });
    return { actor, correlationId: namedUuid(step) };
  };

  const plans: { key: string; reporting: number; approve: boolean; skip: string[] }[] = [
    { key: 'hanoi-402', reporting: 30, approve: true, skip: ['00070', '00004'] },
    { key: 'hanoi-138', reporting: 6, approve: false, skip: ['00070', '00004'] },
  ];
  for (const p of plans) {
    const planId = planIds[p.key];
    if (!planId) continue;
    const plan = await store.plan(planId);
    if (!plan || plan.planStatus !== 'issued') continue;
    if (await store.periodByKey(planId, '2025-Q4')) {
      result.alreadyThere.push(p.key);
      continue;
    }
    const focal = plan.focalUnitCode ?? plan.issuerUnitCode;
    const period = await bus.execute(new OpenPeriodCommand(planId, { kind: 'quarter', reference: '2025-11-15' }, meta(focal, 'focal', `${p.key}/open`)));
    result.periodsOpened.push(`${p.key}: ${period.label}`);

    // Departments first (they lead most tasks), then communes, in code order: the same units every time.
    const expected = (await store.expectedOf(period.id))
      .filter((u) => !p.skip.includes(u) && units.has(u))
      .sort((a, b) => (units.get(a)?.tier ?? 2) - (units.get(b)?.tier ?? 2) || a.localeCompare(b))
      .slice(0, p.reporting);
    const submitted: UnitReportDto[] = [];
    for (const unitCode of expected) {
      try {
        const m = meta(unitCode, 'officer', `${p.key}/${unitCode}/report`);
        let r: UnitReportDto = await bus.execute(new StartUnitReportCommand(period.id, m));
        r = await bus.execute(
          new SaveUnitReportCommand(
            r.id,
            {
              version: r.version,
              sections: {
                results: `Đã triển khai ${r.tasks.length} nhiệm vụ được giao; ${r.tasks.filter((t) => t.status === 'done').length} nhiệm vụ hoàn thành trong quý.`,
                difficulties: hash(`${unitCode}/d`) % 3 === 0 ? 'Kinh phí bố trí chậm; thiếu nhân lực chuyên trách về chuyển đổi số.' : '',
                proposals: hash(`${unitCode}/p`) % 4 === 0 ? 'Đề nghị Thành phố hỗ trợ đào tạo kỹ năng số cho cán bộ cơ sở.' : '',
              },
              indicators: r.indicators.map((i) => figureFor(unitCode, i.indicatorId, i.kind)).filter((v): v is IndicatorValueRequest => v !== null),
            },
            m,
          ),
        );
        submitted.push(await bus.execute(new DecideUnitReportCommand(r.id, 'submit', { version: r.version }, m)));
        result.unitReports++;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
      }
    }
    if (!p.approve) continue;
    const focalMeta = (step: string) => meta(focal, 'focal', `${p.key}/${step}`);
    for (const [n, r] of submitted.entries()) {
      if (n === submitted.length - 1) {
        await bus.execute(new DecideUnitReportCommand(r.id, 'return', { version: r.version, reason: 'Chưa có minh chứng cho số liệu chỉ tiêu; đề nghị bổ sung.' }, focalMeta(`return/${r.unitCode}`)));
      } else {
        await bus.execute(new DecideUnitReportCommand(r.id, 'accept', { version: r.version }, focalMeta(`accept/${r.unitCode}`)));
      }
    }
    let c = await bus.execute(new ConsolidatePeriodCommand(period.id, focalMeta('consolidate')));
    c = await bus.execute(
      new SaveConsolidatedReportCommand(
        c.id,
        {
          version: c.version,
          documentNumber: '125/BC-SKHCN',
          documentDate: '2025-12-20',
          recipients: ['UBND Thành phố (để báo cáo)', 'Bộ Khoa học và Công nghệ (để báo cáo)', 'Các Sở, ban, ngành; UBND các xã, phường', 'Lưu: VT, CĐS.'],
          signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
          signerName: 'Nguyễn Văn Minh',
        },
        focalMeta('number'),
      ),
    );
    c = await bus.execute(new DecideConsolidatedReportCommand(c.id, 'submit', { version: c.version }, focalMeta('submit')));
    c = await bus.execute(new DecideConsolidatedReportCommand(c.id, 'approve', { version: c.version }, meta(plan.issuerUnitCode, 'leader', `${p.key}/approve`)));
    result.consolidated.push(`${p.key}: ${c.periodLabel} (${c.status})`);
  }
  return result;
}

/** A plausible figure for a unit's indicator: a rate's parts, a count, or nothing for a rank (the city's, not a unit's). */
function figureFor(unitCode: string, indicatorId: string, kind: 'rate' | 'value' | 'rank'): IndicatorValueRequest | null {
  const h = hash(`${unitCode}/${indicatorId}`);
  if (kind === 'rank') return null;
  if (kind === 'value') return { indicatorId, value: 5 + (h % 60), evidence: 'Số liệu thống kê của đơn vị' };
  const denominator = 200 + (h % 4800);
  const share = 0.7 + ((h >> 8) % 31) / 100; // 70 % … 100 %
  return { indicatorId, numerator: Math.round(denominator * share), denominator, evidence: 'Báo cáo thống kê quý IV/2025' };
}

function hash(s: string): number {
  return createHash('sha1').update(s).digest().readUInt32BE(0);
}

/** A UUID (version 5 layout) named by the step: the same step has the same correlation id in every database. */
function namedUuid(name: string): string {
  const b = createHash('sha1').update(`dieu-hanh:demo-reporting:${name}`).digest();
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
