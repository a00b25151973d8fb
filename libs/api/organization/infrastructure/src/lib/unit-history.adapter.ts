import { Injectable } from '@nestjs/common';
import { UnitHistory } from '@dieu-hanh/api/organization/application';
import { TransactionContext, readAggregateHistory } from '@dieu-hanh/api/shared/database';
import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';

@Injectable()
export class EventLogUnitHistory extends UnitHistory {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  of(unitCode: string): Promise<RecordedEvent[]> {
    return readAggregateHistory(this.tx.manager(), 'unit', unitCode);
  }
}
