import type { AccessScope } from '@dieu-hanh/api/shared/kernel';

/**
 * Whether the signed-in account carries a role from its token. Authentication only: what a role may see
 * or do is each context's access policy (planning: plan-access.policy.ts; organization:
 * directory-access.policy.ts), never this library's.
 */
export function hasRole(scope: Pick<AccessScope, 'roles'>, role: string): boolean {
  return scope.roles.includes(role);
}
