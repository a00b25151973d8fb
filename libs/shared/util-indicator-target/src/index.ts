export type { Comparator, IndicatorTarget } from './lib/indicator-target';
export {
  formatIndicatorTargetVi,
  formatVietnameseNumber,
  parseIndicatorTarget,
  readVietnameseNumber,
} from './lib/indicator-target';
