import { HttpErrorResponse } from '@angular/common/http';
import type { BilingualMessage, ProblemDetails } from '@dieu-hanh/shared/contracts';

/** A problem+json answer read for the UI: the general message, and the messages per form field. */
export interface ReadProblem {
  status: number;
  message: BilingualMessage;
  /** Field path as the form knows it ("title", "tasks.0.leads") → messages. */
  fields: Record<string, BilingualMessage[]>;
  /** On a 409 conflict: the plan's version now on the server. */
  currentVersion: number | null;
}

const FALLBACK: BilingualMessage = { vi: 'Không thực hiện được. Vui lòng thử lại.', en: 'Could not be done. Please try again.' };

/** Reads an API error (RFC 9457 problem with `errors[].field`, or a plain `fields` list) into messages per field. */
export function readProblem(err: unknown): ReadProblem {
  const status = err instanceof HttpErrorResponse ? err.status : 0;
  const body = (err instanceof HttpErrorResponse ? err.error : null) as (Partial<ProblemDetails> & { fields?: unknown; currentVersion?: unknown }) | null;
  const message: BilingualMessage =
    body && typeof body === 'object'
      ? body.message && typeof body.message === 'object'
        ? body.message
        : { vi: body.detail ?? body.title ?? FALLBACK.vi, en: body.detail ?? body.title ?? FALLBACK.en }
      : FALLBACK;
  const fields: Record<string, BilingualMessage[]> = {};
  const add = (field: string, m: BilingualMessage) => {
    const key = formPath(field);
    (fields[key] ??= []).push(m);
  };
  if (body && typeof body === 'object') {
    for (const e of Array.isArray(body.errors) ? body.errors : []) if (e && typeof e.field === 'string') add(e.field, e.message ?? message);
    if (Array.isArray(body.fields)) {
      for (const f of body.fields) {
        if (typeof f === 'string') add(f, message);
        else if (f && typeof f === 'object' && typeof (f as { field?: unknown }).field === 'string') {
          const x = f as { field: string; message?: BilingualMessage };
          add(x.field, x.message ?? message);
        }
      }
    }
  }
  const currentVersion = body && typeof body === 'object' && typeof body.currentVersion === 'number' ? body.currentVersion : null;
  return { status, message, fields, currentVersion };
}

/** "body.tasks.0.leads" → "tasks.0.leads"; "tasks[2].timeframe" → "tasks.2.timeframe". */
export function formPath(field: string): string {
  return field.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
}

const HEADER_FIELDS = ['title', 'symbol', 'year', 'theme', 'focalUnitCode', 'legalBases', 'purposes', 'directingLeaders', 'reportingDuties', 'sections', 'tasks', 'indicators', 'reason'];
const TASK_FIELDS = ['section', 'content', 'expectedResult', 'directingLeader', 'timeframe', 'notes', 'leads', 'coordinators', 'parentTaskId'];
const INDICATOR_FIELDS = ['section', 'name', 'targets', 'directingLeader', 'focal', 'implementing', 'coordinators'];

/**
 * Where in the editor a field path is shown: the input it names ("tasks.2.timeframe"), the task or
 * indicator as a whole ("tasks.2"), a header field ("legalBases" for "legalBases.1"), or null for the
 * whole plan (shown at the top).
 */
export function anchorOf(field: string | null | undefined): string | null {
  if (!field) return null;
  const parts = formPath(field).split('.');
  const [head, index, sub] = parts;
  if ((head === 'tasks' || head === 'indicators') && index !== undefined && /^\d+$/.test(index)) {
    const known = head === 'tasks' ? TASK_FIELDS : INDICATOR_FIELDS;
    return sub && known.includes(sub) ? `${head}.${index}.${sub}` : `${head}.${index}`;
  }
  return HEADER_FIELDS.includes(head) ? head : null;
}
