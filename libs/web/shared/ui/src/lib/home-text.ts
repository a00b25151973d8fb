import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18nService } from '@dieu-hanh/web/shared/i18n';

/** Texts of the home pages' links to the work pages, Vietnamese first and English complete. */
export const HOME_TEXT = {
  vi: {
    'open.work': 'Mở danh sách việc của đơn vị',
    'open.tracking': 'Mở bảng theo dõi, đôn đốc',
    'open.review': 'Mở hàng chờ thẩm định',
    'open.inbox': 'Mở hộp thư lãnh đạo',
    'open.approvals': 'Mở hộp thư phê duyệt',
    'open.plans': 'Xem tất cả kế hoạch',
    'open.overdue': 'Xem việc quá hạn',
    'dept.work': 'Việc của đơn vị',
    'dept.work.desc': 'Nhiệm vụ giao cho đơn vị: cập nhật tiến độ, kết quả, minh chứng; quá hạn, sắp đến hạn.',
    'city.inbox': 'Hộp thư lãnh đạo',
    'city.inbox.desc': 'Vướng mắc xin ý kiến chỉ đạo và đề nghị gia hạn chờ lãnh đạo quyết định.',
    'work.counts': '{open} đang mở · {overdue} quá hạn · {dueSoon} sắp đến hạn',
    'review.counts': '{count} kết quả chờ xác nhận',
    'inbox.counts': '{escalations} vướng mắc · {extensions} đề nghị gia hạn',
    'ward.updates.desc': 'Báo cáo tình hình, tỷ lệ hoàn thành, kết quả và minh chứng của từng nhiệm vụ.',
  },
  en: {
    'open.work': 'Open my unit’s work',
    'open.tracking': 'Open tracking and urging',
    'open.review': 'Open the verification queue',
    'open.inbox': 'Open the leader’s inbox',
    'open.approvals': 'Open the approvals inbox',
    'open.plans': 'See every plan',
    'open.overdue': 'See overdue work',
    'dept.work': 'My unit’s work',
    'dept.work.desc': 'Tasks assigned to the unit: progress, results, evidence; overdue and due soon.',
    'city.inbox': 'Leader’s inbox',
    'city.inbox.desc': 'Obstacles escalated for a directive and extension requests awaiting the leader.',
    'work.counts': '{open} open · {overdue} overdue · {dueSoon} due soon',
    'review.counts': '{count} results awaiting verification',
    'inbox.counts': '{escalations} obstacles · {extensions} extension requests',
    'ward.updates.desc': 'Report each task’s progress, completion, results and evidence.',
  },
} as const;

export type HomeTextKey = keyof (typeof HOME_TEXT)['vi'];

/** `{{ 'open.work' | ht }}` — impure so it follows the language toggle. */
@Pipe({ name: 'ht', pure: false })
export class HomeTextPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);
  transform(key: HomeTextKey, params: Record<string, string | number> = {}): string {
    const text: string = HOME_TEXT[this.i18n.lang()][key] ?? HOME_TEXT.vi[key];
    return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
  }
}
