import { Controller, Get, Headers, Param, Post, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DomainError, type AccessScope } from '@dieu-hanh/api/shared/kernel';
import { type EvidenceContent, GetEvidenceContentQuery, UploadEvidenceCommand } from '@dieu-hanh/api/execution/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, ProblemDetailsSchema, ProblemException, commandMetadata } from '@dieu-hanh/api/shared/http';
import type { EvidenceDto } from '@dieu-hanh/shared/contracts';
import type { Request, Response } from 'express';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { EVIDENCE_MEDIA_TYPES, EVIDENCE_UPLOAD_BODY, EvidenceResponse } from './evidence.responses';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class EvidenceIdParam {
  @ApiProperty({ description: 'The id (UUID, lower case)', format: 'uuid', pattern: UUID.source })
  @Matches(UUID)
  id!: string;
}

const ASSIGNMENT_NOT_FOUND = { status: 404, description: 'No such assignment, or not visible to the caller (EXECUTION.ASSIGNMENT_NOT_FOUND)' } as const;
const EVIDENCE_NOT_FOUND = { status: 404, description: 'No such evidence file, or its assignment is not visible to the caller (EXECUTION.EVIDENCE_NOT_FOUND)' } as const;

/**
 * `Content-Disposition: attachment` with the name in RFC 6266/8187 form: an ASCII fallback in
 * `filename` (anything else replaced by `_`) and the exact UTF-8 name in `filename*`.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('Giao việc / Assignments')
@ApiExtraModels(EvidenceResponse)
@ApiProblemResponses(401, 503)
@Controller()
export class EvidenceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('assignments/:id/evidence')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiOperation({ summary: 'Tải minh chứng lên / Upload one evidence file to an assignment (the assignee unit; Idempotency-Key required)' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'A new key per upload (1–128 printable ASCII characters); a retry with the same key returns the first answer', schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' } })
  @ApiConsumes('multipart/form-data')
  @ApiBody(EVIDENCE_UPLOAD_BODY)
  @ApiCreatedResponse({ type: EvidenceResponse, description: 'The stored evidence (the first one, when the key is replayed); attach it by id to a progress update' })
  @ApiProblemResponses(
    { status: 400, description: 'No Idempotency-Key (REQUEST.IDEMPOTENCY_KEY_REQUIRED, REQUEST.IDEMPOTENCY_KEY_INVALID), not exactly one file in the field `file` (EXECUTION.EVIDENCE_FILE_REQUIRED), or a bad id (REQUEST.VALIDATION_FAILED)' },
    { status: 403, description: 'The caller sees the assignment but may not upload to it (EXECUTION.EVIDENCE_UPLOAD_REFUSED)' },
    ASSIGNMENT_NOT_FOUND,
    { status: 409, description: 'A request with this key is still running (REQUEST.IDEMPOTENCY_IN_PROGRESS)' },
    {
      status: 413,
      description: 'The file exceeds EVIDENCE_MAX_BYTES (EXECUTION.EVIDENCE_TOO_LARGE)',
      example: { code: 'EXECUTION.EVIDENCE_TOO_LARGE', vi: 'Tệp minh chứng vượt quá 20 MB.', en: 'The evidence file exceeds 20 MB.' },
    },
    {
      status: 415,
      description: 'The content is not PDF, DOCX, XLSX, JPEG, PNG, WEBP or HEIC, whatever its name says (EXECUTION.EVIDENCE_TYPE_REFUSED)',
      example: { code: 'EXECUTION.EVIDENCE_TYPE_REFUSED', vi: 'Tệp không thuộc loại được chấp nhận.', en: 'The file is not an accepted type.' },
    },
  )
  @ApiResponse({
    status: 422,
    description: 'The Idempotency-Key was used for another request (REQUEST.IDEMPOTENCY_KEY_REUSED)',
    content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
  })
  async upload(
    @CurrentScope() scope: AccessScope,
    @Param() p: EvidenceIdParam,
    @Headers('idempotency-key') key: string,
    @Req() req: Request & { id?: unknown },
  ): Promise<EvidenceDto> {
    const file = req.file as Express.Multer.File;
    try {
      return await this.commands.execute(new UploadEvidenceCommand(p.id, file.buffer, file.originalname ?? null, key, commandMetadata(scope, req)));
    } catch (error) {
      // The domain knows no HTTP: a refused type is 415 here, with its field.
      if (error instanceof DomainError && error.code === 'EXECUTION.EVIDENCE_TYPE_REFUSED') {
        throw new ProblemException(415, error.code, error.vi, error.en, error.fields.map((f) => ({ field: f.field, code: f.code, message: { vi: f.vi, en: f.en } })));
      }
      throw error;
    }
  }

  @Get('evidence/:id/content')
  @ApiOperation({ summary: 'Tải minh chứng về / Download an evidence file (whoever sees its assignment), as an attachment' })
  @ApiOkResponse({
    description: 'The file, with its detected Content-Type, `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox`',
    content: Object.fromEntries(EVIDENCE_MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiProblemResponses(400, EVIDENCE_NOT_FOUND)
  async content(@CurrentScope() scope: AccessScope, @Param() p: EvidenceIdParam, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const c: EvidenceContent = await this.queries.execute(new GetEvidenceContentQuery(scope, p.id));
    res.setHeader('Content-Type', c.evidence.mediaType);
    res.setHeader('Content-Length', String(c.size));
    res.setHeader('Content-Disposition', attachmentDisposition(c.evidence.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Opened by mistake in a tab, the file gets no script, no plugin, no origin.
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    return new StreamableFile(c.stream);
  }
}
