import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  GetSuccessorChainQuery,
  GetUnitHistoryQuery,
  GetUnitQuery,
  ListUnitGroupsQuery,
  RecordUnitSuccessionCommand,
  RegisterUnitCommand,
  SearchUnitsQuery,
  UpdateUnitCommand,
} from '@dieu-hanh/api/organization/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses, commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { RecordSuccessionBody, RegisterUnitBody, SearchUnitsQueryParams, UnitCodeParam, UpdateUnitBody } from './dto/unit.dto';
import {
  SuccessionRecordedResponse,
  SuccessorChainResponse,
  UnitCodeResponse,
  UnitGroupResponse,
  UnitHistoryEntryResponse,
  UnitListResponse,
  UnitResponse,
} from './dto/unit.responses';

const UNIT_NOT_FOUND = { status: 404, description: 'No such unit, or outside the caller’s scope (ORGANIZATION.UNIT_NOT_FOUND)' } as const;
const ADMINS_ONLY = { status: 403, description: 'Only the province’s administrators manage the directory (AUTH.FORBIDDEN)' } as const;

/** The unit directory (danh mục đơn vị). Access is decided by the policy inside each handler. */
@ApiTags('Đơn vị / Units')
@ApiProblemResponses(401, 503)
@Controller()
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('units')
  @ApiOperation({ summary: 'Tìm đơn vị / Search units (diacritic-insensitive), within the caller’s scope' })
  @ApiOkResponse({ type: UnitListResponse })
  @ApiProblemResponses(400)
  search(@CurrentScope() scope: AccessScope, @Query() q: SearchUnitsQueryParams) {
    return this.queries.execute(
      new SearchUnitsQuery(scope, {
        text: q.q,
        kind: q.kind,
        tier: q.tier,
        provinceCode: q.province,
        groupCode: q.group,
        parentCode: q.parent,
        includeClosed: q.includeClosed,
        limit: q.limit ?? 50,
        offset: q.offset ?? 0,
      }),
    );
  }

  @Get('units/:code')
  @ApiOperation({ summary: 'Một đơn vị / One unit (404 outside the caller’s scope)' })
  @ApiOkResponse({ type: UnitResponse })
  @ApiProblemResponses(400, UNIT_NOT_FOUND)
  get(@CurrentScope() scope: AccessScope, @Param() p: UnitCodeParam) {
    return this.queries.execute(new GetUnitQuery(scope, p.code));
  }

  @Get('units/:code/successors')
  @ApiOperation({ summary: 'Chuỗi kế thừa / Successor chain of a unit (merged into / replaced by)' })
  @ApiOkResponse({ type: SuccessorChainResponse })
  @ApiProblemResponses(400, UNIT_NOT_FOUND)
  successors(@CurrentScope() scope: AccessScope, @Param() p: UnitCodeParam) {
    return this.queries.execute(new GetSuccessorChainQuery(scope, p.code));
  }

  @Get('units/:code/history')
  @ApiOperation({ summary: 'Lịch sử thay đổi / Audit history of a unit, from the event log' })
  @ApiOkResponse({ type: [UnitHistoryEntryResponse], description: 'Oldest first' })
  @ApiProblemResponses(400, { status: 403, description: 'Only leaders and administrators read unit history (AUTH.FORBIDDEN)' }, UNIT_NOT_FOUND)
  history(@CurrentScope() scope: AccessScope, @Param() p: UnitCodeParam) {
    return this.queries.execute(new GetUnitHistoryQuery(scope, p.code));
  }

  @Post('units')
  @ApiOperation({ summary: 'Thêm đơn vị / Register a unit (administrators)' })
  @ApiCreatedResponse({ type: UnitCodeResponse })
  @ApiProblemResponses(
    { status: 400, description: 'Validation failed, or the unit or its parent is not acceptable (REQUEST.VALIDATION_FAILED, REQUEST.MALFORMED_JSON, ORGANIZATION.UNIT_INVALID, ORGANIZATION.UNIT_PARENT_INVALID)' },
    ADMINS_ONLY,
    { status: 409, description: 'The code is taken (ORGANIZATION.UNIT_CODE_TAKEN)', example: { code: 'ORGANIZATION.UNIT_CODE_TAKEN', vi: 'Mã đơn vị 01-SVHTT đã tồn tại.', en: 'Unit code 01-SVHTT is already taken.' } },
    413,
    415,
  )
  register(@CurrentScope() scope: AccessScope, @Body() body: RegisterUnitBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new RegisterUnitCommand(body, commandMetadata(scope, req)));
  }

  @Patch('units/:code')
  @ApiOperation({ summary: 'Sửa tên đơn vị / Rename a unit or change its aliases (administrators)' })
  @ApiOkResponse({ type: UnitCodeResponse })
  @ApiProblemResponses(400, ADMINS_ONLY, UNIT_NOT_FOUND, 413, 415)
  update(
    @CurrentScope() scope: AccessScope,
    @Param() p: UnitCodeParam,
    @Body() body: UpdateUnitBody,
    @Req() req: { id?: unknown },
  ) {
    return this.commands.execute(new UpdateUnitCommand(p.code, body, commandMetadata(scope, req)));
  }

  @Post('units/:code/successions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Ghi nhận sáp nhập / Record that a unit was merged into or replaced by another (administrators)' })
  @ApiCreatedResponse({ type: SuccessionRecordedResponse })
  @ApiProblemResponses(
    { status: 400, description: 'Validation failed, or the succession is not acceptable (REQUEST.VALIDATION_FAILED, REQUEST.MALFORMED_JSON, ORGANIZATION.SUCCESSION_INVALID)' },
    ADMINS_ONLY,
    UNIT_NOT_FOUND,
    413,
    415,
  )
  recordSuccession(
    @CurrentScope() scope: AccessScope,
    @Param() p: UnitCodeParam,
    @Body() body: RecordSuccessionBody,
    @Req() req: { id?: unknown },
  ) {
    return this.commands.execute(new RecordUnitSuccessionCommand(p.code, body, commandMetadata(scope, req)));
  }

  @Get('unit-groups')
  @ApiOperation({ summary: 'Nhóm đơn vị / Unit groups ("Các Sở, ban, ngành", "UBND các xã, phường"…)' })
  @ApiOkResponse({ type: [UnitGroupResponse] })
  groups(@CurrentScope() scope: AccessScope) {
    return this.queries.execute(new ListUnitGroupsQuery(scope));
  }
}
