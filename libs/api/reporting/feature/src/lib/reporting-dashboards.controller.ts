import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetExportFileQuery,
  GetExportJobQuery,
  GetPlanDashboardQuery,
  GetPortfolioQuery,
  GetScorecardQuery,
  ImportIndicatorValuesCommand,
  RequestExportCommand,
} from '@dieu-hanh/api/reporting/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, ProblemException, commandMetadata, sendEncodedJson } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { ExportJobDto, IndicatorImportResultDto, PlanDashboardDto, PortfolioDto, UnitScorecardDto } from '@dieu-hanh/shared/contracts';
import type { Response } from 'express';
import { ExportBody, IdParam } from './reporting.dto';
import { ExportJobResponse, IndicatorImportResultResponse, PlanDashboardResponse, PortfolioResponse, UnitScorecardResponse } from './reporting.responses';
import { IndicatorUploadInterceptor } from './indicator-upload.interceptor';

const EXPORT_NOT_FOUND = { status: 404, description: 'No such export, or not the caller’s (REPORTING.EXPORT_NOT_FOUND)' } as const;
const MEDIA_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
];

/** RFC 6266 attachment with an ASCII fallback and the UTF-8 name. */
function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Dashboards for leaders and departments, the commune's scorecard, exports (as jobs) and the indicator import. */
@ApiTags('Báo cáo / Reporting')
@ApiProblemResponses(401, 503)
@Controller()
export class ReportingDashboardsController {
  constructor(private readonly commands: CommandBus, private readonly queries: QueryBus) {}

  @Get('reporting/dashboard/portfolio')
  @ApiOperation({ summary: 'Danh mục kế hoạch / The province’s plans with their progress and latest reporting completeness (tier 1)' })
  @ApiOkResponse({ type: PortfolioResponse })
  @ApiProblemResponses({ status: 403, description: 'A commune account (AUTH.FORBIDDEN): it has its own scorecard' })
  portfolio(@CurrentScope() scope: AccessScope): Promise<PortfolioDto> {
    return this.queries.execute(new GetPortfolioQuery(scope));
  }

  @Get('reporting/dashboard/plans/:id')
  @ApiOperation({ summary: 'Bảng điều hành một kế hoạch / One plan: by department and commune, overdue, indicators, completeness, trend' })
  @ApiOkResponse({ type: PlanDashboardResponse })
  @ApiProblemResponses(400, { status: 404, description: 'No such plan, or not visible (REPORTING.PLAN_NOT_FOUND)' })
  async dashboard(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Res() res: Response): Promise<void> {
    // The handler hands back the same object while the plan's figures stand: its bytes are reused.
    sendEncodedJson(res, await this.queries.execute<GetPlanDashboardQuery, PlanDashboardDto>(new GetPlanDashboardQuery(p.id, scope)));
  }

  @Get('reporting/scorecard')
  @ApiOperation({ summary: 'Bảng điểm đơn vị / The caller’s own unit: its plans, overdue work and reports' })
  @ApiOkResponse({ type: UnitScorecardResponse })
  scorecard(@CurrentScope() scope: AccessScope): Promise<UnitScorecardDto> {
    return this.queries.execute(new GetScorecardQuery(scope));
  }

  @Post('reporting/exports')
  @HttpCode(202)
  @ApiOperation({ summary: 'Kết xuất / Queues an export (report as DOCX or PDF, assignments or indicator values as XLSX); poll it for progress' })
  @ApiAcceptedResponse({ type: ExportJobResponse })
  @ApiProblemResponses({ status: 400, description: 'A bad body or a format the subject has not (REPORTING.INVALID)' }, { status: 404, description: 'The subject is not visible (REPORTING.*_NOT_FOUND)' })
  requestExport(@CurrentScope() scope: AccessScope, @Body() body: ExportBody, @Req() req: { id?: unknown }): Promise<ExportJobDto> {
    return this.commands.execute(new RequestExportCommand(body, commandMetadata(scope, req)));
  }

  @Get('reporting/exports/:id')
  @ApiOperation({ summary: 'Tiến độ kết xuất / An export’s status and progress (its requester only)' })
  @ApiOkResponse({ type: ExportJobResponse })
  @ApiProblemResponses(400, EXPORT_NOT_FOUND)
  exportJob(@CurrentScope() scope: AccessScope, @Param() p: IdParam): Promise<ExportJobDto> {
    return this.queries.execute(new GetExportJobQuery(p.id, scope));
  }

  @Get('reporting/exports/:id/file')
  @ApiOperation({ summary: 'Tải tệp kết xuất / Downloads a finished export as an attachment' })
  @ApiOkResponse({ description: 'The file', content: Object.fromEntries(MEDIA_TYPES.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) })
  @ApiProblemResponses(400, EXPORT_NOT_FOUND)
  async exportFile(@CurrentScope() scope: AccessScope, @Param() p: IdParam, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const f: { fileName: string; mediaType: string; content: Buffer } = await this.queries.execute(new GetExportFileQuery(p.id, scope));
    res.setHeader('Content-Type', f.mediaType);
    res.setHeader('Content-Disposition', attachment(f.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    return new StreamableFile(f.content);
  }

  @Post('reporting/periods/:id/indicator-values/import')
  @HttpCode(200)
  @UseInterceptors(IndicatorUploadInterceptor)
  @ApiOperation({ summary: 'Nhập số liệu chỉ tiêu từ XLSX / The focal unit loads a period’s indicator values for many units (the export’s layout)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'The .xlsx (5 MB at most)' },
        reason: { type: 'string', maxLength: 4000, description: 'Why submitted reports’ figures change (required when some are)' },
      },
    },
  })
  @ApiOkResponse({ type: IndicatorImportResultResponse })
  @ApiProblemResponses(
    { status: 400, description: 'No file, not an XLSX, or no header row (REPORTING.INVALID)' },
    { status: 403, description: 'Not the focal unit (AUTH.FORBIDDEN)' },
    { status: 404, description: 'No such period, or not visible (REPORTING.PERIOD_NOT_FOUND)' },
    413,
  )
  importValues(
    @CurrentScope() scope: AccessScope,
    @Param() p: IdParam,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Body() body: Record<string, unknown>,
    @Req() req: { id?: unknown },
  ): Promise<IndicatorImportResultDto> {
    if (!file) throw new ProblemException(400, 'REPORTING.INVALID', 'Gửi một tệp XLSX trong trường "file".', 'Send one XLSX file in the "file" field.', [{ field: 'body.file', code: 'required', message: { vi: 'Bắt buộc', en: 'Required' } }]);
    const reason = typeof body?.['reason'] === 'string' && body['reason'].trim() ? String(body['reason']).slice(0, 4000) : null;
    return this.commands.execute(new ImportIndicatorValuesCommand(p.id, { name: file.originalname, content: file.buffer }, reason, commandMetadata(scope, req)));
  }
}
