import { HttpErrorResponse } from '@angular/common/http';
import { anchorOf, readProblem } from './problem';

describe('problem', () => {
  it('reads field errors of a problem, by form path', () => {
    const p = readProblem(new HttpErrorResponse({ status: 400, error: { title: 'Bad Request', detail: 'x', message: { vi: 'Sai', en: 'Wrong' }, errors: [{ field: 'body.tasks.0.leads', code: 'R', message: { vi: 'Cần đơn vị', en: 'Unit needed' } }], fields: ['body.title'] } }));
    expect(p.status).toBe(400);
    expect(p.message.vi).toBe('Sai');
    expect(Object.keys(p.fields).sort()).toEqual(['tasks.0.leads', 'title']);
  });

  it('keeps the current version of a conflict', () => {
    expect(readProblem(new HttpErrorResponse({ status: 409, error: { title: 'Conflict', detail: 'stale', currentVersion: 7 } })).currentVersion).toBe(7);
  });

  it('anchors a field path to the input it names, its task, a header field or the whole plan', () => {
    expect(anchorOf('tasks.2.timeframe')).toBe('tasks.2.timeframe');
    expect(anchorOf('tasks.2.leads.0.unit')).toBe('tasks.2.leads');
    expect(anchorOf('tasks.2')).toBe('tasks.2');
    expect(anchorOf('tasks.2.somethingElse')).toBe('tasks.2');
    expect(anchorOf('legalBases.1')).toBe('legalBases');
    expect(anchorOf('body.title')).toBe('title');
    expect(anchorOf(null)).toBeNull();
    expect(anchorOf('signer')).toBeNull();
  });
});
