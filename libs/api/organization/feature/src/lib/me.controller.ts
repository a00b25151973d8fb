import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetUnitQuery } from '@dieu-hanh/api/organization/application';
import { CurrentScope } from '@dieu-hanh/api/shared/auth';
import { ApiProblemResponses } from '@dieu-hanh/api/shared/http';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { MeDto, Role } from '@dieu-hanh/shared/contracts';
import { MeResponse } from './dto/unit.responses';

@ApiTags('Tài khoản / Account')
@ApiProblemResponses(401, 503)
@Controller('me')
export class MeController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Tài khoản hiện tại / The signed-in account: unit, tier, roles' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentScope() scope: AccessScope): Promise<MeDto> {
    const unit = await this.queries.execute(new GetUnitQuery(scope, scope.unitCode));
    return {
      subject: scope.subject,
      username: scope.username,
      name: scope.name,
      email: scope.email,
      realm: scope.realm,
      provinceCode: scope.provinceCode,
      tier: scope.tier,
      roles: scope.roles as Role[],
      unit,
    };
  }
}
