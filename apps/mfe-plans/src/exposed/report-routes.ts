// What this remote also exposes: the reporting feature's pages (báo cáo, theo dõi nộp, tổng hợp, tổng quan).
export { REPORT_ROUTES } from '@dieu-hanh/web/reporting/feature-reports';
