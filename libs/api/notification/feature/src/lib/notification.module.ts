import { Inject, Module, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit, Optional } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import {
  ListNotificationGroupsHandler,
  ListNotificationsHandler,
  MarkAllNotificationsReadHandler,
  MarkNotificationReadHandler,
  NotificationMailbox,
  NotificationStore,
} from '@dieu-hanh/api/notification/application';
import {
  type MailConfig,
  mailConfigFromEnv,
  NotificationEmailSender,
  NotificationEmailSubscriber,
  NotificationLive,
  NotificationProjection,
  SqlNotificationMailbox,
  SqlNotificationStore,
} from '@dieu-hanh/api/notification/infrastructure';
import { EventFeed, eventFeedOptionsFromEnv } from '@dieu-hanh/api/shared/database';
import { DataSource } from 'typeorm';
import { NotificationStreamController } from './notification-stream.controller';
import { NotificationsController } from './notifications.controller';

/** The mail settings (SMTP_URL, MAIL_FROM, MAIL_LINK_BASE, MAIL_POLL_MS…); tests override this token. */
export const NOTIFICATION_MAIL_CONFIG = Symbol('NOTIFICATION_MAIL_CONFIG');

/**
 * Bounded context: notifications, projected from other contexts' events by a subscriber of the event
 * feed; live to every open shell through Server-Sent Events fed by PostgreSQL LISTEN/NOTIFY; by e-mail
 * through SMTP when `SMTP_URL` is set (a second feed subscriber writes an outbox, a sender empties it).
 */
@Module({
  imports: [CqrsModule],
  controllers: [NotificationsController, NotificationStreamController],
  providers: [
    ListNotificationsHandler,
    ListNotificationGroupsHandler,
    MarkNotificationReadHandler,
    MarkAllNotificationsReadHandler,
    NotificationProjection,
    NotificationLive,
    { provide: NotificationStore, useClass: SqlNotificationStore },
    { provide: NotificationMailbox, useClass: SqlNotificationMailbox },
    { provide: NOTIFICATION_MAIL_CONFIG, useFactory: () => mailConfigFromEnv() },
    {
      provide: NotificationEmailSubscriber,
      inject: [NOTIFICATION_MAIL_CONFIG],
      useFactory: (mail: MailConfig) => (mail.smtpUrl ? new NotificationEmailSubscriber(mail.linkBase) : null),
    },
    {
      provide: NotificationEmailSender,
      inject: [DataSource, NOTIFICATION_MAIL_CONFIG, NotificationLive],
      useFactory: (ds: DataSource, mail: MailConfig, live: NotificationLive) =>
        mail.smtpUrl ? new NotificationEmailSender(ds, { ...mail, smtpUrl: mail.smtpUrl }, live) : null,
    },
  ],
  exports: [NotificationLive],
})
export class NotificationModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly feed: EventFeed,
    private readonly projection: NotificationProjection,
    @Optional() @Inject(NotificationEmailSubscriber) private readonly email: NotificationEmailSubscriber | null,
    @Optional() @Inject(NotificationEmailSender) private readonly sender: NotificationEmailSender | null,
  ) {}

  onModuleInit(): void {
    this.feed.register(this.projection);
    if (this.email) this.feed.register(this.email);
  }

  onApplicationBootstrap(): void {
    // The sender runs where the feed runs (not in CLI commands).
    if (this.sender && eventFeedOptionsFromEnv().autoStart) this.sender.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sender?.stop();
  }
}
