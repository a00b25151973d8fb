import { evidenceFileName } from './evidence-file-name';

describe('evidenceFileName: the uploaded name, made safe to show', () => {
  it.each([
    ['Biên bản kiểm tra.pdf', 'pdf', 'Biên bản kiểm tra.pdf'],
    ['ảnh hiện trường.JPEG', 'jpg', 'ảnh hiện trường.JPEG'],
    ['IMG_0042.HEIC', 'heic', 'IMG_0042.HEIC'],
    // The name is display only, and it ends with the detected type's extension.
    ['bao-cao.html', 'png', 'bao-cao.html.png'],
    ['invoice.exe', 'pdf', 'invoice.exe.pdf'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['C:\\Users\\canbo\\Desktop\\ke-hoach.docx', 'docx', 'ke-hoach.docx'],
    ['..', 'pdf', 'minh-chung.pdf'],
    ['.htaccess', 'png', 'htaccess.png'],
    ['', 'xlsx', 'minh-chung.xlsx'],
    [null, 'webp', 'minh-chung.webp'],
    // A right-to-left override would show "report‮fdp.exe" as "reportexe.pdf".
    ['report\u202efdp.exe', 'pdf', 'reportfdp.exe.pdf'],
    ['tab\tand\nnewline\u0000.pdf', 'pdf', 'tab and newline.pdf'],
  ])('%j as %s → %j', (uploaded, ext, expected) => {
    expect(evidenceFileName(uploaded, ext)).toBe(expected);
  });

  it('composes decomposed Vietnamese (as macOS sends it) into NFC', () => {
    expect(evidenceFileName('Bie\u0302n ba\u0309n.pdf', 'pdf')).toBe('Biên bản.pdf');
  });

  it('shortens a long name to 255 characters, keeping its extension', () => {
    const name = evidenceFileName(`${'ạ'.repeat(400)}.pdf`, 'pdf');
    expect([...name].length).toBe(255);
    expect(name.endsWith('ạ.pdf')).toBe(true);
    const added = evidenceFileName('x'.repeat(300), 'docx');
    expect([...added].length).toBe(255);
    expect(added.endsWith('x.docx')).toBe(true);
  });
});
