import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProgressTallySubscriber } from '@dieu-hanh/api/execution/infrastructure';
import { EventFeed } from '@dieu-hanh/api/shared/database';

/** Registers the progress tallies' subscriber with the event feed at module init. */
@Injectable()
export class ProgressTallyRegistration implements OnModuleInit {
  constructor(private readonly feed: EventFeed, private readonly subscriber: ProgressTallySubscriber) {}

  onModuleInit(): void {
    this.feed.register(this.subscriber);
  }
}
