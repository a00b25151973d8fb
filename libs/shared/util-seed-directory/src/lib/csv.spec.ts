import { parseCsv, parseCsvRows } from './csv';

describe('parseCsv', () => {
  it('keys rows by the header and keeps codes as text, leading zeros included', () => {
    expect(parseCsv('province_code,commune_code\n01,00070\n')).toEqual([
      { province_code: '01', commune_code: '00070' },
    ]);
  });
  it('handles quotes, doubled quotes, embedded commas and line breaks, CRLF, a BOM and blank lines', () => {
    const text = '\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"two\nlines",z\n';
    expect(parseCsv(text)).toEqual([
      { a: 'x, y', b: 'say "hi"' },
      { a: 'two\nlines', b: 'z' },
    ]);
  });
  it('keeps empty fields and a last line without newline', () => {
    expect(parseCsvRows('a,b,c\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });
  it('fills missing trailing fields with empty strings', () => {
    expect(parseCsv('a,b\n1')).toEqual([{ a: '1', b: '' }]);
  });
  it('refuses an unterminated quote and a row wider than the header', () => {
    expect(() => parseCsvRows('a\n"open')).toThrow(/unterminated quoted field/);
    expect(() => parseCsv('a,b\n1,2,3')).toThrow(/row 2 has 3 fields, the header 2/);
  });
  it('returns nothing for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
