/**
 * Just enough of the ZIP format to list an archive's entry names from its central directory — no
 * decompression, nothing written anywhere. Used to check that a file detected as DOCX or XLSX really is
 * an Office Open XML package of that kind, not any zip with a crafted `[Content_Types].xml`.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The archive's entry names, or null when it is not a well-formed (non-ZIP64) archive. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 22 || view.getUint32(0, true) !== LOCAL) return null;
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment is at most 64 KiB).
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD && i + 22 + view.getUint16(i + 20, true) === bytes.byteLength) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return null; // ZIP64 or inconsistent
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd || localOffset + 30 > offset || view.getUint32(localOffset, true) !== LOCAL) return null;
    names.push(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The part that makes a package a document of that kind, per ECMA-376 (the usual names Office writes). */
const MAIN_PART: Record<'docx' | 'xlsx', RegExp> = {
  docx: /^word\/[^/]+\.xml$/,
  xlsx: /^xl\/workbook\.xml$/,
};

/**
 * Whether the bytes are an OOXML package of that kind: a ZIP with `[Content_Types].xml`, `_rels/.rels`,
 * its main part (word/….xml or xl/workbook.xml), no macros (vbaProject.bin) and no entry name that
 * climbs out of the archive (absolute, `..`, backslashes, NUL).
 */
export function isOoxmlPackage(bytes: Uint8Array, kind: 'docx' | 'xlsx'): boolean {
  const names = zipEntryNames(bytes);
  if (!names) return false;
  if (names.some((n) => n.startsWith('/') || n.includes('\\') || n.includes('\0') || n.split('/').includes('..'))) return false;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return false;
  return names.includes('[Content_Types].xml') && names.includes('_rels/.rels') && names.some((n) => MAIN_PART[kind].test(n));
}
