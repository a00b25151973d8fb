export * from './decree30-docx.renderer';
export * from './libreoffice-pdf.converter';
export * from './indicator-values.xlsx';
export * from './plan-assignments.xlsx';
export * from './excel-spreadsheet.writer';
