import type { AccessScope } from '@dieu-hanh/api/shared/kernel';

/**
 * Who receives a unit's e-mail. The API knows accounts only from their tokens, so an account is
 * recorded (realm, subject, unit, e-mail) when it opens its notifications — every shell's bell does, on
 * load and when its live stream connects — which costs one upsert per account and hour, not per request.
 */
export abstract class NotificationMailbox {
  /** Records that this account exists, with its e-mail (ignored when the token has none); never throws. */
  abstract seen(scope: AccessScope): void;
}
