import { ExecutionEventType } from '@dieu-hanh/api/execution/contracts';
import type { DomainError } from '@dieu-hanh/api/shared/kernel';
import { Obstacle } from './obstacle';

const facts = { planId: 'p1', planTitle: 'KH', taskId: 't1', unitCode: '00070' };
const at = new Date('2026-03-01T03:00:00Z');
const raise = (over: { description?: string | null; proposal?: string | null } = {}) =>
  Obstacle.raise({ id: 'o1', assignmentId: 'a1', description: 'Thiếu kinh phí', proposal: 'Bổ sung', handlerUnitCode: '01-SKHCN', raisedUnitCode: '00070', ...over }, facts, 'hk', at);
const codeOf = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('Obstacle', () => {
  it('is raised open, to its handler', () => {
    const o = raise();
    expect(o.snapshot()).toMatchObject({ status: 'open', description: 'Thiếu kinh phí', proposal: 'Bổ sung', handlerUnitCode: '01-SKHCN' });
    expect(o.pullEvents()[0]).toMatchObject({ type: ExecutionEventType.ObstacleRaised, aggregateId: 'a1', payload: { obstacleId: 'o1', handlerUnitCode: '01-SKHCN' } });
  });

  it.each([[''], ['  '], [null]])('needs a description (%p)', (description) => {
    expect(codeOf(() => raise({ description }))).toBe('EXECUTION.WORK_INVALID');
  });

  it('is answered once, by its handler', () => {
    const o = raise();
    o.pullEvents();
    o.answer({ answer: 'Đã bố trí', unitCode: '01-SKHCN' }, 'skhcn', at);
    expect(o.status).toBe('answered');
    expect(o.pullEvents()[0]).toMatchObject({ type: ExecutionEventType.ObstacleAnswered, payload: { answer: 'Đã bố trí', answeredByUnitCode: '01-SKHCN' } });
    expect(codeOf(() => o.answer({ answer: 'lại', unitCode: 'x' }, 'x', at))).toBe('EXECUTION.OBSTACLE_TRANSITION_REFUSED');
    expect(codeOf(() => o.escalate({ directingLeader: null, leaderUnitCode: '01-UBND' }, 'x', at))).toBe('EXECUTION.OBSTACLE_TRANSITION_REFUSED');
  });

  it('is escalated, then directed — and only then', () => {
    const o = raise();
    expect(codeOf(() => o.direct({ directive: 'Làm ngay', concernedUnitCodes: [] }, 'ld', at))).toBe('EXECUTION.OBSTACLE_TRANSITION_REFUSED');
    o.escalate({ note: 'Vượt thẩm quyền', directingLeader: 'Phó Chủ tịch', leaderUnitCode: '01-UBND' }, 'skhcn', at);
    expect(o.status).toBe('escalated');
    expect(codeOf(() => o.answer({ answer: 'x', unitCode: 'x' }, 'x', at))).toBe('EXECUTION.OBSTACLE_TRANSITION_REFUSED');
    expect(codeOf(() => o.direct({ directive: ' ', concernedUnitCodes: [] }, 'ld', at))).toBe('EXECUTION.WORK_INVALID');
    o.direct({ directive: 'Giao Sở Tài chính bố trí', concernedUnitCodes: ['01-SGDDT', '00070', '01-SKHCN'] }, 'ld', at);
    expect(o.snapshot()).toMatchObject({ status: 'directed', directive: 'Giao Sở Tài chính bố trí', directedBy: 'ld' });
    const types = o.pullEvents().map((e) => e.type);
    expect(types).toEqual([ExecutionEventType.ObstacleRaised, ExecutionEventType.ObstacleEscalated, ExecutionEventType.DirectiveGiven]);
  });
});
