import type { ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from './problem.filter';
import { isServiceUnavailable } from './service-unavailable';

/** The filter against a fake response: status, headers and the problem it writes. */
function answer(error: unknown) {
  const headers: Record<string, string> = {};
  const out = { status: 0, type: '', body: undefined as unknown };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v),
    status(s: number) {
      out.status = s;
      return this;
    },
    type(t: string) {
      out.type = t;
      return this;
    },
    send(b: string) {
      out.body = JSON.parse(b);
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/plans', id: 'req-1' }), getResponse: () => res }) } as unknown as ArgumentsHost;
  const filter = new ProblemFilter();
  (filter as unknown as { logger: { warn(): void; error(): void } }).logger = { warn: () => undefined, error: () => undefined };
  filter.catch(error, host);
  return { ...out, headers };
}

/** Errors as node-postgres and TypeORM raise them when PostgreSQL is stopped, restarting or unreachable. */
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });
const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' });
const queryFailed = Object.assign(new Error('Query failed'), { name: 'QueryFailedError', driverError: adminShutdown, query: 'SELECT 1' });
const terminated = new Error('Connection terminated unexpectedly');
const poolTimeout = new Error('timeout exceeded when trying to connect');
const startingUp = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
const connectionFailure = Object.assign(new Error('connection failure'), { code: '08006' });
const bothFamilies = Object.assign(new AggregateError([refused, Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })]), { code: undefined });
const wrapped = new Error('could not load the unit', { cause: terminated });

describe('ProblemFilter: a database that cannot be reached', () => {
  it.each([
    ['ECONNREFUSED', refused],
    ['57P01 wrapped by TypeORM', queryFailed],
    ['Connection terminated', terminated],
    ['pool timeout', poolTimeout],
    ['57P03 starting up', startingUp],
    ['53300 too many connections', tooMany],
    ['class 08', connectionFailure],
    ['AggregateError of both address families', bothFamilies],
    ['an error caused by one', wrapped],
  ])('%s → 503 SERVER.UNAVAILABLE with Retry-After', (_label, error) => {
    const r = answer(error);
    expect(r.status).toBe(503);
    expect(r.type).toBe('application/problem+json');
    expect(r.headers['retry-after']).toBe('5');
    expect(r.body).toMatchObject({ status: 503, code: 'SERVER.UNAVAILABLE', message: { vi: expect.any(String), en: expect.any(String) }, requestId: 'req-1' });
    // Nothing of the internals.
    expect(JSON.stringify(r.body)).not.toMatch(/ECONNREFUSED|57P01|127\.0\.0\.1|terminated/);
  });

  it('any other failure stays a 500 without Retry-After', () => {
    for (const error of [new TypeError("Cannot read properties of null (reading 'map')"), Object.assign(new Error('duplicate key'), { code: '23505' }), null, 'x']) {
      const r = answer(error);
      expect(r.status).toBe(500);
      expect(r.headers['retry-after']).toBeUndefined();
      expect(isServiceUnavailable(error)).toBe(false);
    }
  });
});

describe('ProblemFilter: client errors never echo the input', () => {
  it('a path segment the router cannot decode is a 400 naming the parameter, without the raw text', () => {
    // As the router raises it (http-errors' 400 around a URIError).
    const undecodable = Object.assign(new URIError("Failed to decode param '%zz'"), { status: 400, statusCode: 400 });
    const r = answer(undecodable);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED', errors: [{ field: 'param', code: 'malformed' }] });
    expect(JSON.stringify(r.body)).not.toContain('%zz');
  });

  it('another HttpException under 500 keeps fixed words, not its message', () => {
    const { BadRequestException } = jest.requireActual('@nestjs/common') as typeof import('@nestjs/common');
    const r = answer(new BadRequestException('value <script> was wrong'));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toContain('<script>');
  });
});
