import { bootstrapShell } from '@dieu-hanh/web/shared/auth';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapShell('department-shell', App, appConfig).catch((err) => console.error(err));
