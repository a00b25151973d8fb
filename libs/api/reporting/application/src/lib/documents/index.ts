export * from './report-document';
export * from './report-document.renderer';
export * from './compose-report-document';
