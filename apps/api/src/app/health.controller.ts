import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@dieu-hanh/api/shared/auth';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

export const DATABASE_MODE = Symbol('DATABASE_MODE');

export class DatabaseHealth {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ enum: ['embedded', 'external'], description: 'Embedded PostgreSQL or DATABASE_URL' }) mode!: 'embedded' | 'external';
  @ApiPropertyOptional({ type: 'integer', description: 'Round trip of `SELECT 1` (when up)' }) latencyMs?: number;
}

export class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: DatabaseHealth }) database!: DatabaseHealth;
}

@ApiTags('Hệ thống / System')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_MODE) private readonly mode: 'embedded' | 'external',
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Tình trạng / Health: the API and its database' })
  @ApiOkResponse({ type: HealthResponse, description: 'The API and its database are up' })
  @ApiServiceUnavailableResponse({ type: HealthResponse, description: 'The database does not answer within 2 s' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), 2000);
        }),
      ]);
      return { status: 'ok', database: { status: 'up', mode: this.mode, latencyMs: Date.now() - started } };
    } catch {
      res.status(503);
      return { status: 'error', database: { status: 'down', mode: this.mode } };
    } finally {
      clearTimeout(timer);
    }
  }
}
