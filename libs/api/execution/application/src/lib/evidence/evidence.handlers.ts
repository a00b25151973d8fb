import { GetEvidenceContentHandler } from './get-evidence-content.handler';
import { UploadEvidenceHandler } from './upload-evidence.handler';

export const EVIDENCE_HANDLERS = [UploadEvidenceHandler, GetEvidenceContentHandler];
