import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
import { commandMetadata } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { RecordSuccessionBody, RegisterUnitBody, SearchUnitsQueryParams, UnitCodeParam, UpdateUnitBody } from './dto/unit.dto';

/** The unit directory (danh mục đơn vị). Access is decided by the policy inside each handler. */
@ApiTags('Đơn vị / Units')
@ApiBearerAuth()
@Controller()
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('units')
  @ApiOperation({ summary: 'Tìm đơn vị / Search units (diacritic-insensitive), within the caller’s scope' })
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
  get(@CurrentScope() scope: AccessScope, @Param() p: UnitCodeParam) {
    return this.queries.execute(new GetUnitQuery(scope, p.code));
  }

  @Get('units/:code/successors')
  @ApiOperation({ summary: 'Chuỗi kế thừa / Successor chain of a unit (merged into / replaced by)' })
  successors(@CurrentScope() scope: AccessScope, @Param() p: UnitCodeParam) {
    return this.queries.execute(new GetSuccessorChainQuery(scope, p.code));
  }

  @Get('units/:code/history')
  @ApiOperation({ summary: 'Lịch sử thay đổi / Audit history of a unit, from the event log' })
  history(@CurrentScope() scope: AccessScope, @Param() p: UnitCodeParam) {
    return this.queries.execute(new GetUnitHistoryQuery(scope, p.code));
  }

  @Post('units')
  @ApiOperation({ summary: 'Thêm đơn vị / Register a unit (administrators)' })
  register(@CurrentScope() scope: AccessScope, @Body() body: RegisterUnitBody, @Req() req: { id?: unknown }) {
    return this.commands.execute(new RegisterUnitCommand(body, commandMetadata(scope, req)));
  }

  @Patch('units/:code')
  @ApiOperation({ summary: 'Sửa tên đơn vị / Rename a unit or change its aliases (administrators)' })
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
  groups(@CurrentScope() scope: AccessScope) {
    return this.queries.execute(new ListUnitGroupsQuery(scope));
  }
}
