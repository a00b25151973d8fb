import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { UnhandledExceptionBus } from '@nestjs/cqrs';
import type { Subscription } from 'rxjs';

/** Failures in event handlers and sagas happen after the command answered: log them, never lose them. */
@Injectable()
export class UnhandledExceptionsLogger implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('UnhandledException');
  private subscription?: Subscription;

  constructor(private readonly bus: UnhandledExceptionBus) {}

  onModuleInit(): void {
    this.subscription = this.bus.subscribe(({ exception, cause }) => {
      this.logger.error({ err: exception, cause: (cause as { constructor?: { name?: string } })?.constructor?.name }, 'event handler failed');
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
