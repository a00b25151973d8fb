import { type NotificationDraft, notificationsFor } from '@dieu-hanh/api/notification/application';
import type { EventSubscriber, FeedTransaction, RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import { NOTIFICATION_EMAIL_CHANNEL } from './notification-live';
import { rowsOf, unitNames } from './notification.projection';

/**
 * E-mail, step 1 of 2: a subscriber of the event feed that writes one outbox row per event and
 * recipient into `notification_email_outbox`, in its batch's transaction (the one that moves its
 * checkpoint): each row exactly once, a redelivered batch inserts nothing (unique event + recipient).
 * Recipients: the accounts recorded in `notification_mailbox` for the unit told — a commune's accounts
 * also for its offices, as in the bell — seen within the last 180 days (an account gone quiet, moved or
 * deleted in the identity provider, stops receiving mail). Subject and body are fixed here, so a resend is identical, and
 * the Message-ID is `<eventId.recipientHash@dieu-hanh>`. `pg_notify('notification_email')` wakes the
 * sender in every process on commit (step 2, NotificationEmailSender).
 *
 * Starts at the head: enabling SMTP does not mail the whole history. Provided by a factory (it takes the
 * web's address for links), and registered only when SMTP is configured.
 */
/** Accounts not seen for longer than this get no mail. */
const MAILBOX_DAYS = 180;

export class NotificationEmailSubscriber implements EventSubscriber {
  readonly name = 'notification.email';
  readonly startFrom = 'head' as const;
  readonly batchSize = 200;

  constructor(private readonly linkBase: string | null = null) {}

  async handle(events: readonly RecordedEvent[], tx: FeedTransaction): Promise<void> {
    const names = await unitNames(events, tx);
    const drafts = events.flatMap((e) => notificationsFor(e, (code) => names.get(code) ?? code).map((n) => ({ n, at: e.occurredAt })));
    if (!drafts.length) return;
    const queued: unknown[] = await tx.query(
      `INSERT INTO notification_email_outbox (event_id, recipient, message_id, unit_code, subject, body)
       SELECT x.event_id, m.email, '<' || x.event_id || '.' || left(encode(sha256(convert_to(m.email, 'UTF8')), 'hex'), 16) || '@dieu-hanh>',
              x.unit_code, x.subject, x.body
         FROM jsonb_to_recordset($1::jsonb) AS x(event_id uuid, unit_code text, subject text, body text)
         JOIN directory_unit u ON u.code = x.unit_code
         JOIN notification_mailbox m ON (m.unit_code = x.unit_code OR (m.commune_code IS NOT NULL AND m.commune_code = u.commune_code))
              AND m.last_seen > now() - make_interval(days => $2)
        ORDER BY x.event_id, m.email
       ON CONFLICT (event_id, recipient) DO NOTHING
       RETURNING id`,
      [JSON.stringify(drafts.map(({ n, at }) => ({ event_id: n.eventId, unit_code: n.unitCode, ...this.mail(n, at) }))), MAILBOX_DAYS],
    );
    if (rowsOf(queued as unknown[]).length) await tx.query(`SELECT pg_notify($1, '')`, [NOTIFICATION_EMAIL_CHANNEL]);
  }

  /** The message: Vietnamese first, English beside; the time in Vietnam; a link when the web's address is configured. */
  mail(n: NotificationDraft, at: Date): { subject: string; body: string } {
    const when = vietnamTime(at);
    const link = this.linkBase && n.planId ? `${this.linkBase.replace(/\/+$/, '')}/ke-hoach/${n.planId}${n.assignmentId ? `/giao-viec/${n.assignmentId}` : ''}` : null;
    const body = [
      n.titleVi,
      n.titleEn,
      '',
      ...(n.planTitle ? [`Kế hoạch / Plan: ${n.planTitle}`] : []),
      `Thời điểm / Time: ${when}`,
      ...(link ? ['', `Xem chi tiết / Details: ${link}`] : []),
      '',
      '— Điều Hành. Thư gửi tự động cho đơn vị của bạn; không trả lời thư này. / Sent automatically to your unit; do not reply.',
    ].join('\n');
    return { subject: `[Điều Hành] ${n.titleVi}`, body };
  }
}

/** dd/MM/yyyy HH:mm in Vietnam (UTC+7, no daylight saving). */
function vietnamTime(at: Date): string {
  const d = new Date(new Date(at).getTime() + 7 * 3600 * 1000);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
