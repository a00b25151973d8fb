export * from './lib/shell-config';
export * from './lib/auth.service';
export * from './lib/auth.interceptor';
export * from './lib/shell.guard';
export * from './lib/bootstrap-shell';
