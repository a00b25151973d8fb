// What this remote exposes: the routes of the directory feature library (nothing of the app itself).
export { DIRECTORY_ROUTES } from '@dieu-hanh/web/organization/feature-directory';
