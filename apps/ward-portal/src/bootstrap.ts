import { bootstrapShell } from '@dieu-hanh/web/shared/auth';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapShell('ward-portal', App, appConfig).catch((err) => console.error(err));

// Installable portal (PWA): the service worker caches the app shell for communes on weak connections.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch((err) => console.warn('service worker not registered', err));
}
