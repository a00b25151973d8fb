/** An accepted evidence type, as detected from the content. */
export interface DetectedEvidenceType {
  /** application/pdf, image/jpeg, … */
  mediaType: string;
  /** The usual extension, without the dot (pdf, jpg, docx …). */
  extension: string;
}

/**
 * Decides what a file is from its bytes, never from its name or the client's Content-Type: null for
 * anything that is not one of the accepted evidence types (PDF, DOCX, XLSX, JPEG, PNG, WEBP, HEIC/HEIF).
 */
export abstract class EvidenceTypeDetector {
  abstract detect(content: Uint8Array): Promise<DetectedEvidenceType | null>;
}

/** The accepted types, for messages and documentation. */
export const EVIDENCE_TYPES_LABEL = 'PDF, DOCX, XLSX, JPEG, PNG, WEBP, HEIC';
