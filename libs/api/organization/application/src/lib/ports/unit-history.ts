import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';

export abstract class UnitHistory {
  abstract of(unitCode: string): Promise<RecordedEvent[]>;
}
