import type { Response } from 'express';
import { sendEncodedJson } from './encoded-json';

function fakeResponse() {
  const sent: { status?: number; type?: string; body?: Buffer } = {};
  const res = {
    status(code: number) { sent.status = code; return res; },
    type(t: string) { sent.type = t; return res; },
    send(b: Buffer) { sent.body = b; return res; },
  };
  return { res: res as unknown as Response, sent };
}

describe('sendEncodedJson', () => {
  it('sends the object as UTF-8 JSON, and the same bytes again for the same object', () => {
    const body = { name: 'Phường Hoàn Kiếm', n: 3 };
    const a = fakeResponse();
    sendEncodedJson(a.res, body);
    expect(a.sent).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(JSON.parse(String(a.sent.body))).toEqual(body);
    const b = fakeResponse();
    sendEncodedJson(b.res, body);
    expect(b.sent.body).toBe(a.sent.body);
  });

  it('encodes a different object anew, even with equal content', () => {
    const a = fakeResponse();
    const b = fakeResponse();
    sendEncodedJson(a.res, { x: 1 });
    sendEncodedJson(b.res, { x: 1 });
    expect(b.sent.body).not.toBe(a.sent.body);
    expect(String(b.sent.body)).toBe(String(a.sent.body));
  });
});
