import { consolidatedReportDocument, unitReportDocument } from '@dieu-hanh/api/reporting/application';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  PLAN_402_SECTIONS,
  SKHCN_ISSUER,
  STC_ISSUER,
  consolidatedReport402,
  unitReport402,
} from './report-402.fixture';
import { Decree30DocxRenderer } from './decree30-docx.renderer';
import { LibreOfficePdfConverter, findExecutableSync, findOfficeSync } from './libreoffice-pdf.converter';

/**
 * The consolidated report as a reader sees it: DOCX → PDF (LibreOffice) → PNG of pages 1 and 2 (poppler),
 * written to dist/reporting-preview/ for a human to look at. Skipped where LibreOffice or poppler is missing.
 */
const office = findOfficeSync();
const pdftoppm = findExecutableSync(['pdftoppm']);
const pdfinfo = findExecutableSync(['pdfinfo']);
const available = !!office && !!pdftoppm;
const itIfOffice = available ? it : it.skip;
if (!available) {
  console.warn(
    `rendered-page.spec: skipped — ${office ? '' : 'LibreOffice (soffice) '}${pdftoppm ? '' : 'poppler-utils (pdftoppm) '}not on PATH; ` +
      'install libreoffice-writer-nogui and poppler-utils to render the report preview.',
  );
}

const ROOT = resolve(__dirname, '../../../../../../..');
const PREVIEW = join(ROOT, 'dist', 'reporting-preview');

function pageCount(pdf: string): number {
  if (pdfinfo) {
    const info = execFileSync(pdfinfo, [pdf], { encoding: 'utf8' });
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  }
  return (readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

describe('the consolidated report, rendered', () => {
  itIfOffice(
    'converts to a PDF whose first pages are written as PNG previews',
    async () => {
      const doc = consolidatedReportDocument(consolidatedReport402(), SKHCN_ISSUER, {
        sectionTitles: PLAN_402_SECTIONS,
      });
      const docx = await new Decree30DocxRenderer().render(doc);
      const converter = new LibreOfficePdfConverter();
      expect(await converter.available()).toBe(true);
      const pdf = await converter.convert(docx);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      mkdirSync(PREVIEW, { recursive: true });
      const pdfPath = join(PREVIEW, 'consolidated-report.pdf');
      writeFileSync(join(PREVIEW, 'consolidated-report.docx'), docx);
      writeFileSync(pdfPath, pdf);
      const pages = pageCount(pdfPath);
      expect(pages).toBeGreaterThanOrEqual(1);

      for (const page of [1, 2].filter((p) => p <= pages)) {
        const prefix = join(PREVIEW, `consolidated-report-page${page}`);
        rmSync(`${prefix}.png`, { force: true });
        execFileSync(pdftoppm ?? 'pdftoppm', [
          '-png',
          '-r',
          '80',
          '-f',
          String(page),
          '-l',
          String(page),
          '-singlefile',
          pdfPath,
          prefix,
        ]);
        const png = readFileSync(`${prefix}.png`);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        // an A4 page at 80 dpi is 661 × 935; a blank one compresses to a few kB
        expect(png.readUInt32BE(16)).toBeGreaterThan(600);
        expect(png.readUInt32BE(20)).toBeGreaterThan(900);
        expect(statSync(`${prefix}.png`).size).toBeGreaterThan(20_000);
      }
    },
    120_000,
  );

  itIfOffice(
    "renders a unit's report with its coordinators' contributions (first page as PNG)",
    async () => {
      const doc = unitReportDocument(unitReport402(), STC_ISSUER, {
        focalUnitName: 'Sở Khoa học và Công nghệ',
        sectionTitles: PLAN_402_SECTIONS,
      });
      const pdf = await new LibreOfficePdfConverter().convert(await new Decree30DocxRenderer().render(doc));
      mkdirSync(PREVIEW, { recursive: true });
      const pdfPath = join(PREVIEW, 'unit-report.pdf');
      writeFileSync(pdfPath, pdf);
      expect(pageCount(pdfPath)).toBeGreaterThanOrEqual(1);
      const prefix = join(PREVIEW, 'unit-report-page1');
      execFileSync(pdftoppm ?? 'pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdfPath,
        prefix,
      ]);
      expect(statSync(`${prefix}.png`).size).toBeGreaterThan(20_000);
    },
    120_000,
  );

  itIfOffice(
    'kills a conversion that runs past its timeout and says so',
    async () => {
      const docx = await new Decree30DocxRenderer().render(
        consolidatedReportDocument(consolidatedReport402(), SKHCN_ISSUER),
      );
      const converter = new LibreOfficePdfConverter({ timeoutMs: 200 });
      await expect(converter.convert(docx)).rejects.toThrow(/LibreOffice conversion timed out after/);
    },
    120_000,
  );
});
