import { startTestApi } from './test-harness';

type Item = { code: string; matched?: Record<string, unknown> };

/**
 * Directory search says why a unit was found when its own names do not hold the words: "Sở TT&TT"
 * finds Sở Khoa học và Công nghệ, the successor of Sở Thông tin và Truyền thông since 01/03/2025.
 */
describe('Unit search: why a result matched (real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;

  beforeAll(async () => {
    api = await startTestApi();
    // As in the seed: the successor also carries its predecessor's names as aliases.
    const r = await api.call('/units/01-SKHCN', { as: 'admin', method: 'PATCH', body: JSON.stringify({ aliases: ['Sở KH&CN', 'Sở Thông tin và Truyền thông', 'Sở TT&TT'] }) });
    expect(r.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const search = async (q: string, as: 'leader' | 'badinh' = 'leader') => {
    const r = await api.call(`/units?q=${encodeURIComponent(q)}`, { as });
    expect(r.status).toBe(200);
    return r.body.items as Item[];
  };

  it('a predecessor’s name: the successor, with the predecessor and the succession date', async () => {
    for (const who of ['leader', 'badinh'] as const) {
      const items = await search('Sở TT&TT', who);
      expect(items.map((u) => u.code)).toEqual(['01-SKHCN']);
      expect(items[0].matched).toEqual({
        via: 'predecessor',
        text: 'Sở TT&TT',
        predecessorCode: '01-STTTT',
        predecessorName: 'Sở Thông tin và Truyền thông',
        successionKind: 'merged-into',
        effectiveDate: '2025-03-01',
      });
    }
    // Without diacritics too.
    expect((await search('thong tin truyen thong'))[0].matched).toMatchObject({ via: 'predecessor', predecessorCode: '01-STTTT' });
  });

  it('an alias of the unit itself: the alias', async () => {
    const items = await search('kh&cn');
    expect(items.map((u) => u.code)).toEqual(['01-SKHCN']);
    expect(items[0].matched).toEqual({ via: 'alias', text: 'Sở KH&CN' });
  });

  it('its own name, or no words: no explanation (the field is absent)', async () => {
    const own = await search('khoa hoc cong nghe');
    expect(own[0].code).toBe('01-SKHCN');
    expect(own[0]).not.toHaveProperty('matched');
    const all = await api.call('/units?limit=100', { as: 'leader' });
    expect(all.body.items.some((u: Item) => 'matched' in u)).toBe(false);
  });

  it('a closed predecessor shown with closed units is explained by its own name', async () => {
    const withClosed = await api.call(`/units?q=${encodeURIComponent('Sở TT&TT')}&includeClosed=true`, { as: 'leader' });
    const byCode = Object.fromEntries((withClosed.body.items as Item[]).map((u) => [u.code, u.matched]));
    expect(Object.keys(byCode).sort()).toEqual(['01-SKHCN', '01-STTTT']);
    expect(byCode['01-STTTT']).toEqual({ via: 'alias', text: 'Sở TT&TT' });
    expect(byCode['01-SKHCN']).toMatchObject({ via: 'predecessor' });
  });
});
