import { type DetectedEvidenceType, EvidenceTypeDetector } from '@dieu-hanh/api/execution/application';
import { isOoxmlPackage } from './ooxml-package';

type FileTypeCore = typeof import('file-type/core');
let fileTypeCore: FileTypeCore | undefined;

/**
 * `file-type` is ESM-only. Node 20.19+ loads it with require() (require(esm)); it is loaded on the first
 * detection, so code that only imports this library (migrations, the seed, benchmarks, their Jest
 * projects) never loads it. Jest projects that upload evidence list it in transformIgnorePatterns.
 */
function fileType(): FileTypeCore {
  fileTypeCore ??= require('file-type/core') as FileTypeCore;
  return fileTypeCore;
}

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The accepted evidence types: what `file-type` reports for them → what we store and serve. */
const ACCEPTED: Record<string, DetectedEvidenceType> = {
  'application/pdf': { mediaType: 'application/pdf', extension: 'pdf' },
  [DOCX]: { mediaType: DOCX, extension: 'docx' },
  [XLSX]: { mediaType: XLSX, extension: 'xlsx' },
  'image/jpeg': { mediaType: 'image/jpeg', extension: 'jpg' },
  'image/png': { mediaType: 'image/png', extension: 'png' },
  'image/webp': { mediaType: 'image/webp', extension: 'webp' },
  // A phone's camera: iPhones write HEIC; some Android phones write HEIF with the mif1 brand.
  'image/heic': { mediaType: 'image/heic', extension: 'heic' },
  'image/heif': { mediaType: 'image/heif', extension: 'heic' },
};

/**
 * Detects the type from the bytes with `file-type` (magic numbers; for ZIP-based formats it reads
 * `[Content_Types].xml`), then checks DOCX and XLSX once more against the archive's own directory.
 * A text file (HTML, SVG, script) has no magic number and is refused; so is every other binary type.
 */
export class FileTypeEvidenceDetector extends EvidenceTypeDetector {
  async detect(content: Uint8Array): Promise<DetectedEvidenceType | null> {
    if (content.byteLength === 0) return null;
    const found = await fileType().fileTypeFromBuffer(content).catch(() => undefined);
    const accepted = found ? ACCEPTED[found.mime] : undefined;
    if (!accepted) return null;
    if (accepted.mediaType === DOCX && !isOoxmlPackage(content, 'docx')) return null;
    if (accepted.mediaType === XLSX && !isOoxmlPackage(content, 'xlsx')) return null;
    return accepted;
  }
}
