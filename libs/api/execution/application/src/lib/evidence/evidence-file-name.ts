/**
 * The name shown for an evidence file: the uploaded name reduced to its last path segment, without
 * control or bidi-override characters, NFC, at most 255 characters, ending with the extension of the
 * detected type (a PNG uploaded as "report.html" is kept as "report.html.png"). Display only: it never
 * becomes a path.
 */
export function evidenceFileName(uploaded: string | null | undefined, extension: string): string {
  const ext = extension.toLowerCase();
  const accepted = ext === 'jpg' ? ['jpg', 'jpeg'] : ext === 'heic' ? ['heic', 'heif'] : [ext];
  let name = (uploaded ?? '').normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(/[\t\n\v\f\r]/g, ' ');
  // Other C0/C1 controls, bidi overrides and isolates (an "exe.pdf" spoof), zero-width characters.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  name = name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');
  name = name.replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (!name) name = 'minh-chung';
  const dot = name.lastIndexOf('.');
  const has = dot > 0 && accepted.includes(name.slice(dot + 1).toLowerCase());
  const suffix = has ? '' : `.${ext}`;
  const max = 255 - suffix.length;
  const chars = [...name];
  if (chars.length > max) {
    // Keep the end (the extension) when the name must be shortened.
    const tail = has ? [...name.slice(dot)] : [];
    name = chars.slice(0, max - tail.length).join('').trimEnd() + tail.join('');
  }
  return name + suffix;
}
