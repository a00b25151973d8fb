// What this remote also exposes: the execution feature's work pages (việc của tôi, theo dõi, thẩm định).
export { WORK_ROUTES } from '@dieu-hanh/web/execution/feature-work';
