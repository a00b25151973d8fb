import { Injectable, Logger } from '@nestjs/common';
import { NotificationMailbox } from '@dieu-hanh/api/notification/application';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { DataSource } from 'typeorm';

/** How long an account is not recorded again by this process (its unit or e-mail changing is recorded at once). */
const REFRESH_MS = 60 * 60 * 1000;
const MAX_REMEMBERED = 50_000;

/**
 * `notification_mailbox` upserts, outside any request transaction and off the request's path (fire and
 * forget), at most once per account and hour per process unless its unit or e-mail changed.
 */
@Injectable()
export class SqlNotificationMailbox extends NotificationMailbox {
  private readonly logger = new Logger('NotificationMailbox');
  private readonly recent = new Map<string, { at: number; fingerprint: string }>();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  seen(scope: AccessScope): void {
    void this.record(scope);
  }

  /** The upsert itself (awaitable for tests). */
  async record(scope: AccessScope): Promise<void> {
    const email = normaliseEmail(scope.email);
    if (!email || !scope.subject || scope.subject === 'system') return;
    const key = `${scope.realm}\u0000${scope.subject}`;
    const communeCode = scope.tier === 2 ? scope.communeCode : null;
    const fingerprint = `${scope.unitCode}|${communeCode ?? ''}|${email}`;
    const known = this.recent.get(key);
    const now = Date.now();
    if (known && known.fingerprint === fingerprint && now - known.at < REFRESH_MS) return;
    if (this.recent.size >= MAX_REMEMBERED) this.recent.clear();
    this.recent.set(key, { at: now, fingerprint });
    try {
      await this.dataSource.query(
        `INSERT INTO notification_mailbox (realm, subject, username, unit_code, commune_code, email, last_seen) VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (realm, subject) DO UPDATE SET username = EXCLUDED.username, unit_code = EXCLUDED.unit_code, commune_code = EXCLUDED.commune_code,
           email = EXCLUDED.email, last_seen = now()`,
        [scope.realm, scope.subject, scope.username, scope.unitCode, communeCode, email],
      );
    } catch (error) {
      this.recent.delete(key);
      this.logger.warn({ err: error }, 'could not record the account’s mailbox; tried again on its next visit');
    }
  }
}

/** A plausible single address, lower-cased; anything else is not mailed. */
export function normaliseEmail(email: string | null | undefined): string | null {
  const e = (email ?? '').trim().toLowerCase();
  return /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/.test(e) && e.length <= 254 ? e : null;
}
