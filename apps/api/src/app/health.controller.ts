import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@dieu-hanh/api/shared/auth';
import type { Response } from 'express';
import { DataSource } from 'typeorm';

export const DATABASE_MODE = Symbol('DATABASE_MODE');

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
  async health(@Res({ passthrough: true }) res: Response) {
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
