// What this remote exposes: the routes of the planning feature library.
export { PLANS_ROUTES } from '@dieu-hanh/web/planning/feature-plans';
