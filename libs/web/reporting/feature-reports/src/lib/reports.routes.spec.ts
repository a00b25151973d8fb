import { REPORT_ROUTES } from './reports.routes';

describe('REPORT_ROUTES', () => {
  it('mounts every page lazily under /bao-cao', () => {
    const paths = REPORT_ROUTES.flatMap((r) => (r.children ? r.children.map((c) => [r.path, c.path].filter(Boolean).join('/')) : [r.path]));
    expect(paths).toEqual(['', 'don-vi/:reportId', 'ky/:periodId/theo-doi', 'tong-hop/:id', 'tong-quan', 'tong-quan/:planId', 'diem-so']);
    const leaves = REPORT_ROUTES.flatMap((r) => r.children ?? [r]);
    expect(leaves.every((r) => typeof r.loadComponent === 'function')).toBe(true);
    expect(REPORT_ROUTES.find((r) => r.path === 'tong-quan')?.providers).toHaveLength(1);
  });
});
