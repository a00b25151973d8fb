import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';

export const IS_PUBLIC = 'dieu-hanh:public';
/** Marks a route that needs no token (health, API docs). Everything else is authenticated. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller's scope, set by AuthGuard from the verified token. */
export const CurrentScope = createParamDecorator((_: unknown, ctx: ExecutionContext): AccessScope => {
  const req = ctx.switchToHttp().getRequest<{ scope?: AccessScope }>();
  if (!req.scope) throw new Error('CurrentScope used on a public route');
  return req.scope;
});
