/** The XLSX exports' port, written with exceljs. */
import {
  AssignmentsSheet,
  IndicatorValuesSheet,
  SpreadsheetWriter,
} from '@dieu-hanh/api/reporting/application';
import { writeIndicatorValuesXlsx } from './indicator-values.xlsx';
import { writeAssignmentsXlsx } from './plan-assignments.xlsx';

export class ExcelSpreadsheetWriter extends SpreadsheetWriter {
  indicatorValues(model: IndicatorValuesSheet): Promise<Buffer> {
    return writeIndicatorValuesXlsx(model);
  }

  assignments(model: AssignmentsSheet): Promise<Buffer> {
    return writeAssignmentsXlsx(model);
  }
}
