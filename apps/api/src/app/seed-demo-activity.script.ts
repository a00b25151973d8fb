import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORK_STATUSES, type WorkStatus } from '@dieu-hanh/shared/contracts';

/**
 * The demo's execution activity script, `seeds/execution/demo-activity.json` (its description says what it
 * holds and what it leaves alone): which assignments get what, as data. An assignment is named by plan
 * (its seed key, seeds/planning), task ordinal and assignee unit code, so the same ones are chosen in
 * every database.
 */
export interface DemoActivityScript {
  stories: DemoStory[];
  urges: DemoUrge[];
}

/** One assignment and what happens to it, in order. */
export interface DemoStory {
  plan: string;
  task: number;
  unit: string;
  steps: DemoStep[];
}

/** An evidence file (minh chứng): a tiny real PDF or PNG made in code, uploaded under this name. */
export interface DemoEvidence {
  kind: 'pdf' | 'png';
  name: string;
}

/** One thing that happens to an assignment. */
export type DemoStep =
  /** The assignee reports progress (cập nhật tiến độ), optionally with one evidence file. */
  | { report: WorkStatus; percent: number; note: string; result?: string; evidence?: DemoEvidence }
  /** The verifying unit accepts the reported result (xác nhận), with a note. */
  | { verify: string }
  /** The verifying unit returns it (trả lại), with the reason. */
  | { return: string }
  /** The assignee raises an obstacle (khó khăn, vướng mắc) with a proposal (đề xuất). */
  | { obstacle: string; proposal: string }
  /** The focal unit answers the obstacle just raised. */
  | { answer: string }
  /** The focal unit escalates it to the leaders (xin ý kiến chỉ đạo). */
  | { escalate: string }
  /** The issuing committee's leader gives a directive (ý kiến chỉ đạo) on the escalated obstacle. */
  | { directive: string }
  /** The assignee asks for more time (xin gia hạn): to the end of the month `months` after the later of today and the due date in force. */
  | { extension: string; months: number }
  /** The verifying unit approves the pending extension request, with a note. */
  | { approve: string };

/** Đôn đốc: the task's lead unit (`by`, which holds the lead assignment) urges every late unit of the task at once. */
export interface DemoUrge {
  plan: string;
  task: number;
  by: string;
  message: string;
}

export const DEMO_ACTIVITY_FILE = join('execution', 'demo-activity.json');

/** Each step kind and the type of each of its fields ('?' optional). */
const STEP_FIELDS: Record<string, Record<string, string>> = {
  report: { report: 'status', percent: 'integer', note: 'text', result: 'text?', evidence: 'evidence?' },
  verify: { verify: 'text' },
  return: { return: 'text' },
  obstacle: { obstacle: 'text', proposal: 'text' },
  answer: { answer: 'text' },
  escalate: { escalate: 'text' },
  directive: { directive: 'text' },
  extension: { extension: 'text', months: 'integer' },
  approve: { approve: 'text' },
};
const isText = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const FIELD_CHECKS: Record<string, (v: unknown) => boolean> = {
  text: isText,
  integer: (v) => Number.isInteger(v) && (v as number) >= 0,
  status: (v) => WORK_STATUSES.includes(v as WorkStatus),
  evidence: (v) => typeof v === 'object' && v !== null && ['pdf', 'png'].includes((v as DemoEvidence).kind) && isText((v as DemoEvidence).name),
  steps: (v) => Array.isArray(v) && v.length > 0,
};
const STORY_FIELDS = { plan: 'text', task: 'integer', unit: 'text', steps: 'steps' };
const URGE_FIELDS = { plan: 'text', task: 'integer', by: 'text', message: 'text' };

/** Reads and checks the script; a malformed entry stops the seed with the file and the entry named. */
export function loadDemoActivity(seedsDir: string): DemoActivityScript {
  const file = join(seedsDir, DEMO_ACTIVITY_FILE);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { version?: number } & Partial<DemoActivityScript>;
  const fail = (where: string, what: string): never => {
    throw new Error(`${file}: ${where}: ${what}`);
  };
  if (raw.version !== 1) fail('version', 'expected 1');
  const fields = (where: string, entry: Record<string, unknown>, expected: Record<string, string>) => {
    for (const name of Object.keys(entry)) if (!(name in expected)) fail(where, `unknown field "${name}"`);
    for (const [name, type] of Object.entries(expected)) {
      const optional = type.endsWith('?');
      if (optional && entry[name] === undefined) continue;
      if (!FIELD_CHECKS[type.replace('?', '')](entry[name])) fail(where, `"${name}" must be ${type.replace('?', '')}`);
    }
  };
  (raw.stories ?? []).forEach((story, i) => {
    fields(`stories[${i}]`, { ...story }, STORY_FIELDS);
    story.steps.forEach((step, k) => {
      const kind = Object.keys(STEP_FIELDS).find((name) => name in step) ?? fail(`stories[${i}].steps[${k}]`, 'unknown step');
      fields(`stories[${i}].steps[${k}]`, { ...step }, STEP_FIELDS[kind]);
    });
  });
  (raw.urges ?? []).forEach((urge, i) => fields(`urges[${i}]`, { ...urge }, URGE_FIELDS));
  return { stories: raw.stories ?? [], urges: raw.urges ?? [] };
}
