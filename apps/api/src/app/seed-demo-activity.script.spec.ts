import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSeedsDir } from '@dieu-hanh/shared/util-seed-directory';
import { DEMO_ACTIVITY_FILE, loadDemoActivity } from './seed-demo-activity.script';

describe('the demo activity script (seeds/execution/demo-activity.json)', () => {
  let dir: string;
  const withScript = (script: object) => {
    writeFileSync(join(dir, DEMO_ACTIVITY_FILE), JSON.stringify({ version: 1, ...script }));
    return () => loadDemoActivity(dir);
  };
  const story = (steps: object[]) => ({ plan: 'hanoi-402', task: 1, unit: '00004', steps });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-demo-script-'));
    mkdirSync(join(dir, 'execution'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the committed script loads: stories on plans 402 and 138, one urge', () => {
    const script = loadDemoActivity(findSeedsDir());
    expect(new Set(script.stories.map((s) => s.plan))).toEqual(new Set(['hanoi-402', 'hanoi-138']));
    expect(script.stories.length).toBeGreaterThanOrEqual(30);
    expect(script.urges).toHaveLength(1);
    // One story per assignment: a story's correlation id is its guard.
    expect(new Set(script.stories.map((s) => `${s.plan}/${s.task}/${s.unit}`)).size).toBe(script.stories.length);
  });

  it('names the file and the entry of a malformed step, field or story', () => {
    const file = join(dir, DEMO_ACTIVITY_FILE);
    expect(withScript({ stories: [story([{ report: 'finished', percent: 100, note: 'x' }])] })).toThrow(`${file}: stories[0].steps[0]: "report" must be status`);
    expect(withScript({ stories: [story([{ report: 'done', percent: 100, note: 'x', photo: 'a.png' }])] })).toThrow('stories[0].steps[0]: unknown field "photo"');
    expect(withScript({ stories: [story([{ verify: 'ok' }, { approve: '' }])] })).toThrow('stories[0].steps[1]: "approve" must be text');
    expect(withScript({ stories: [story([{ celebrate: 'yes' }])] })).toThrow('stories[0].steps[0]: unknown step');
    expect(withScript({ stories: [story([])] })).toThrow('stories[0]: "steps" must be steps');
    expect(withScript({ stories: [], urges: [{ plan: 'hanoi-402', task: 'x', by: '01-SKHCN', message: 'm' }] })).toThrow('urges[0]: "task" must be integer');
    expect(() => {
      writeFileSync(file, JSON.stringify({ version: 2, stories: [], urges: [] }));
      loadDemoActivity(dir);
    }).toThrow('version: expected 1');
  });
});
