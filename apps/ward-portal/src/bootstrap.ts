import { bootstrapShell } from '@dieu-hanh/web/shared/auth';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapShell('ward-portal', App, appConfig).catch((err) => console.error(err));
