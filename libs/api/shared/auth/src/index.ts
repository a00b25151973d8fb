export * from './lib/roles';
export * from './lib/auth.errors';
export * from './lib/jwt-verifier';
export * from './lib/account-directory.port';
export * from './lib/auth.guard';
export * from './lib/auth.decorators';
export * from './lib/auth.module';
export * from './lib/auth.config';
