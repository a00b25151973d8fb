import type { AccessScope, CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import { forbidden } from '@dieu-hanh/api/shared/auth';

/** Commands issued over HTTP carry a person's scope; only the seed acts as the system. */
export function requirePerson(metadata: CommandMetadata): AccessScope {
  if (metadata.actor.subject === 'system') {
    throw forbidden('Lệnh này cần một người dùng đã đăng nhập.', 'This command needs a signed-in user.');
  }
  return metadata.actor as AccessScope;
}
