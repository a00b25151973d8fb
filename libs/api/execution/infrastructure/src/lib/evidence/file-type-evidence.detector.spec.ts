import { DOCX, FileTypeEvidenceDetector, XLSX } from './file-type-evidence.detector';
import { disguised, sampleDocx, sampleHeic, sampleJpeg, samplePdf, samplePng, sampleWebp, sampleXlsx, zip } from './evidence-samples';
import { isOoxmlPackage, zipEntryNames } from './ooxml-package';

describe('FileTypeEvidenceDetector: the type comes from the bytes', () => {
  const detector = new FileTypeEvidenceDetector();

  it.each([
    ['PDF', samplePdf, 'application/pdf', 'pdf'],
    ['DOCX', sampleDocx, DOCX, 'docx'],
    ['XLSX', sampleXlsx, XLSX, 'xlsx'],
    ['JPEG', sampleJpeg, 'image/jpeg', 'jpg'],
    ['PNG', samplePng, 'image/png', 'png'],
    ['WEBP', sampleWebp, 'image/webp', 'webp'],
    ['HEIC', sampleHeic, 'image/heic', 'heic'],
    // Some Android cameras write HEIF with the mif1 major brand.
    ['HEIF (mif1)', () => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmif1', 'latin1'), Buffer.alloc(4), Buffer.from('mif1heic', 'latin1'), Buffer.from([0, 0, 0, 12]), Buffer.from('meta', 'latin1'), Buffer.alloc(4)]), 'image/heif', 'heic'],
  ])('accepts %s', async (_, make, mediaType, extension) => {
    expect(await detector.detect(make())).toEqual({ mediaType, extension });
  });

  it.each([
    ['a Windows program', disguised.exe],
    ['an HTML page with a script', disguised.html],
    ['an SVG image', disguised.svg],
    ['any zip', disguised.zip],
    ['a zip whose [Content_Types].xml claims a Word document that is not there', disguised.fakeDocx],
    ['a Word document with macros', disguised.docm],
    ['a GIF', disguised.gif],
    ['plain text', () => Buffer.from('Báo cáo kết quả thực hiện', 'utf8')],
    ['nothing', () => Buffer.alloc(0)],
    ['a truncated PNG signature', () => samplePng().subarray(0, 4)],
  ])('refuses %s', async (_, make) => {
    expect(await detector.detect(make())).toBeNull();
  });

  it('refuses a DOCX whose main part is missing, even with a well-formed package around it', async () => {
    const docx = sampleDocx();
    expect(await detector.detect(docx)).not.toBeNull();
    const withoutMain = zip([
      ['[Content_Types].xml', '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'],
      ['_rels/.rels', '<Relationships/>'],
    ]);
    expect(await detector.detect(withoutMain)).toBeNull();
  });
});

describe('OOXML package check', () => {
  it('lists the entries of a real archive from its central directory', () => {
    expect(zipEntryNames(sampleXlsx())).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  it('says null for what is not a well-formed archive', () => {
    expect(zipEntryNames(samplePdf())).toBeNull();
    const cut = sampleDocx();
    expect(zipEntryNames(cut.subarray(0, cut.length - 10))).toBeNull();
  });

  it('wants the kind asked for, and no entry climbing out of the archive', () => {
    expect(isOoxmlPackage(sampleDocx(), 'docx')).toBe(true);
    expect(isOoxmlPackage(sampleDocx(), 'xlsx')).toBe(false);
    expect(isOoxmlPackage(sampleXlsx(), 'xlsx')).toBe(true);
    const climbing = zip([
      ['[Content_Types].xml', '<Types/>'],
      ['_rels/.rels', '<Relationships/>'],
      ['word/document.xml', '<w:document/>'],
      ['../../etc/cron.d/x', 'boom'],
    ]);
    expect(isOoxmlPackage(climbing, 'docx')).toBe(false);
  });
});
