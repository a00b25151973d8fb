import { SuccessionCatchUp } from '@dieu-hanh/api/planning/feature';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import { startTestApi } from './test-harness';

/**
 * A calendar day is Vietnam's, whatever the server's zone (tests run with TZ=UTC, like the servers):
 * at 23:30 UTC on 31/12 it is already 01/01 in Hà Nội, so a merger effective 01/01 is in force.
 */
describe('the day is counted in Vietnam (real PostgreSQL, injected clock)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(() => api?.close());

  const at = (iso: string) => jest.spyOn(api.app.get(Clock), 'now').mockReturnValue(new Date(iso));
  afterEach(() => jest.restoreAllMocks());

  it('a merger effective 01/01 is applied at 23:30 UTC on 31/12, not at 16:59 UTC', async () => {
    const { body } = await api.call('/plans', {
      as: 'dept',
      method: 'POST',
      body: JSON.stringify({ title: 'Kế hoạch kiểm thử ngày Việt Nam', year: 2025, tasks: [{ content: 'Việc của phường Ba Đình', leads: [{ unit: '00004' }], coordinators: [] }] }),
    });
    expect((await api.call(`/plans/${body.id}/submit`, { as: 'dept', method: 'POST' })).status).toBe(200);
    expect((await api.call(`/plans/${body.id}/approve`, { as: 'leader', method: 'POST' })).status).toBe(200);
    expect((await api.call(`/plans/${body.id}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number: 731, issueDate: '2025-10-02' }) })).status).toBe(200);
    const merged = await api.call('/units/00004/successions', {
      as: 'admin',
      method: 'POST',
      body: JSON.stringify({ successorCode: '00070', kind: 'merged-into', effectiveDate: '2099-01-01' }),
    });
    expect(merged.status).toBeLessThan(300);
    const holders = async () =>
      (await api.call(`/plans/${body.id}`, { as: 'leader' })).body.tasks[0].assignments.map((a: { unitCode: string; status: string }) => `${a.status}:${a.unitCode}`).sort();
    const catchUp = api.app.get(SuccessionCatchUp);

    at('2098-12-31T16:59:00Z'); // 23:59 on 31/12 in Hà Nội
    expect(await catchUp.runOnce()).toMatchObject({ successions: 0 });
    expect(await holders()).toEqual(['assigned:00004']);

    at('2098-12-31T23:30:00Z'); // 06:30 on 01/01 in Hà Nội; still 31/12 in UTC
    expect(new Date('2098-12-31T23:30:00Z').toISOString().slice(0, 10)).toBe('2098-12-31');
    expect(await catchUp.runOnce()).toMatchObject({ transferred: 1, successions: 1 });
    expect(await holders()).toEqual(['assigned:00070', 'withdrawn:00004']);
  });
});
