import { crc32, deflateSync } from 'node:zlib';

/**
 * Small but real files of each kind, built byte by byte (no fixture files in the repository): the
 * evidence tests, the API's integration tests, the benchmarks and the demo seed upload these. Each one is what
 * `file-type` and an Office application would recognise, and the disguised ones are what an attacker
 * would send.
 */

/** A 1×1 PNG (signature, IHDR, IDAT, IEND with their CRCs). */
export function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xd9, 0x1e, 0x2b]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG/JFIF header (SOI, APP0 JFIF) and the end marker: what a camera file starts with. */
export function sampleJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A WEBP (RIFF container, VP8L chunk). */
export function sampleWebp(): Buffer {
  const vp8l = Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x07, 0x00, 0x00, 0x00]);
  const chunk = Buffer.concat([Buffer.from('VP8L', 'latin1'), u32le(vp8l.length), vp8l, Buffer.alloc(vp8l.length % 2)]);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(body.length), body]);
}

/** A HEIC as an iPhone writes it: an ISO-BMFF `ftyp` box with the heic brand, then a `meta` box. */
export function sampleHeic(): Buffer {
  const ftyp = Buffer.concat([u32be(24), Buffer.from('ftypheic', 'latin1'), u32be(0), Buffer.from('mif1heic', 'latin1')]);
  const meta = Buffer.concat([u32be(12), Buffer.from('meta', 'latin1'), u32be(0)]);
  return Buffer.concat([ftyp, meta]);
}

/** A one-page PDF. */
export function samplePdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

const CONTENT_TYPES = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/${part}" ContentType="${main}"/></Types>`;
const RELS = (part: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${part}"/></Relationships>`;

/** A minimal Word document: [Content_Types].xml, _rels/.rels, word/document.xml. */
export function sampleDocx(): Buffer {
  return zip([
    ['[Content_Types].xml', CONTENT_TYPES('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word/document.xml')],
    ['_rels/.rels', RELS('word/document.xml')],
    ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Biên bản</w:t></w:r></w:p></w:body></w:document>'],
  ]);
}

/** A minimal Excel workbook: [Content_Types].xml, _rels/.rels, xl/workbook.xml, one sheet. */
export function sampleXlsx(): Buffer {
  return zip([
    ['[Content_Types].xml', CONTENT_TYPES('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xl/workbook.xml')],
    ['_rels/.rels', RELS('xl/workbook.xml')],
    ['xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>'],
    ['xl/worksheets/sheet1.xml', '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'],
  ]);
}

/** Disguises: what must be refused whatever the name says. */
export const disguised = {
  /** A Windows program (MZ header) named "bao-cao.pdf". */
  exe: () => Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(58), u32le(64), Buffer.from('PE\0\0', 'latin1'), Buffer.alloc(64)]),
  /** An HTML page with a script, named "anh.png". */
  html: () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>', 'utf8'),
  /** An SVG image (XML, can carry scripts). */
  svg: () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'utf8'),
  /** Any zip (not an Office document) named "bao-cao.docx". */
  zip: () => zip([['readme.txt', 'not a document']]),
  /** A zip whose [Content_Types].xml claims a Word document that is not there. */
  fakeDocx: () => zip([['[Content_Types].xml', CONTENT_TYPES('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'word/document.xml')], ['payload.html', '<script>alert(1)</script>']]),
  /** A Word document with macros (docm) named "bao-cao.docx". */
  docm: () =>
    zip([
      ['[Content_Types].xml', CONTENT_TYPES('application/vnd.ms-word.document.macroEnabled.main+xml', 'word/document.xml')],
      ['_rels/.rels', RELS('word/document.xml')],
      ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
      ['word/vbaProject.bin', 'macro'],
    ]),
  /** A GIF (an image, but not an accepted type). */
  gif: () => Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.from([1, 0, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 0, 0x3b])]),
};

/** A ZIP archive of stored (uncompressed) entries, with its central directory. */
export function zip(entries: [name: string, content: string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function u32le(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n, 0);
  return b;
}

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}
