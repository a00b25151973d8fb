import { ApiProperty } from '@nestjs/swagger';
import type { EvidenceDto } from '@dieu-hanh/shared/contracts';

/** The media types an evidence file may have (detected from its content). */
export const EVIDENCE_MEDIA_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;

export class EvidenceResponse implements EvidenceDto {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The name as uploaded (shown; never used as a path), ending with the detected type’s extension', example: 'Biên bản kiểm tra.pdf', maxLength: 255 })
  fileName!: string;
  @ApiProperty({ description: `The type detected from the content: ${EVIDENCE_MEDIA_TYPES.join(', ')}`, example: 'application/pdf' })
  mediaType!: string;
  @ApiProperty({ type: 'integer', description: 'Bytes', minimum: 1, example: 182044 }) size!: number;
  @ApiProperty({ description: 'SHA-256 of the content (lower-case hex)', pattern: '^[0-9a-f]{64}$' }) sha256!: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ description: 'The uploader’s username', example: 'hoankiem.canbo' }) uploadedBy!: string;
}

/** The multipart body of an upload (documentation only: multer reads it). */
export const EVIDENCE_UPLOAD_BODY = {
  required: true,
  description: 'One file in the field `file`: PDF, DOCX, XLSX, JPEG, PNG, WEBP or HEIC, at most EVIDENCE_MAX_BYTES (20 MB by default). The type is read from the content, never from the name.',
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'The evidence file' } },
  },
} as const;
