/**
 * Parses CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF, optional BOM) into rows of fields.
 * Blank lines are skipped. Throws on an unterminated quote.
 */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Parses CSV into records keyed by the header row (names and values trimmed). Throws when a row has
 * more fields than the header, naming its line.
 */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsvRows(text);
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return body.map((r, i) => {
    if (r.length > names.length)
      throw new Error(`row ${i + 2} has ${r.length} fields, the header ${names.length}`);
    return Object.fromEntries(names.map((h, j) => [h, (r[j] ?? '').trim()]));
  });
}
