/**
 * A realistic consolidated report for the rendering specs: plan 402/KH-UBND (Hà Nội, chuyển đổi số 2025),
 * Quý IV/2025, five tasks of the plan with their lead units counted, three indicators; and one unit's report for
 * the same period. Spec support only (not exported).
 */
import type { ConsolidatedReportDto, StatusCountsDto, UnitReportDto } from '@dieu-hanh/shared/contracts';

export const SKHCN_ISSUER = {
  parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
  body: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  abbreviation: 'SKHCN',
  place: 'Hà Nội',
};

export const PLAN_402_SECTIONS: Record<string, string> = {
  'I.1': 'I.1. Tuyên truyền, phổ biến, nâng cao nhận thức',
  'I.3': 'I.3. Phát triển hạ tầng số',
  'I.4': 'I.4. Phát triển nền tảng, hệ thống',
};

function counts(partial: Partial<StatusCountsDto>): StatusCountsDto {
  return {
    total: 0,
    notStarted: 0,
    inProgress: 0,
    done: 0,
    unable: 0,
    verified: 0,
    pendingVerification: 0,
    overdue: 0,
    percent: 0,
    ...partial,
  };
}

export function consolidatedReport402(over: Partial<ConsolidatedReportDto> = {}): ConsolidatedReportDto {
  return {
    id: '5b0d6c4e-0000-4000-8000-000000000402',
    periodId: 'period-q4-2025',
    planId: 'plan-402',
    planSymbol: '402/KH-UBND',
    planTitle: 'Chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025',
    periodLabel: 'Quý IV/2025',
    focalUnitCode: '01-SKHCN',
    focalUnitName: 'Sở Khoa học và Công nghệ',
    revision: 1,
    version: 7,
    status: 'approved',
    documentNumber: '125/BC-SKHCN',
    place: 'Hà Nội',
    documentDate: '2025-12-20',
    recipients: [
      'UBND Thành phố (để b/c)',
      'Đ/c Phó Chủ tịch UBND Thành phố Hà Minh Hải (để b/c)',
      'Các Sở, ban, ngành Thành phố',
      'UBND các xã, phường',
      'Lưu: VT, CĐS',
    ],
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    signerName: 'Trần Văn Minh',
    sections: {
      results:
        'Trong Quý IV/2025, các cơ quan, đơn vị đã tập trung triển khai các nhiệm vụ chuyển đổi số theo Kế hoạch; hạ tầng số tiếp tục được đầu tư, các nền tảng dùng chung của Thành phố vận hành ổn định.\n' +
        'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến tiếp tục tăng so với quý trước; Cổng dịch vụ công Thành phố được kết nối với Cổng Dịch vụ công quốc gia.',
      difficulties:
        'Kinh phí cho một số nhiệm vụ được bố trí chậm, ảnh hưởng đến tiến độ.\n' +
        'Nguồn nhân lực chuyên trách về công nghệ thông tin tại cấp xã còn thiếu sau khi sắp xếp đơn vị hành chính.',
      proposals:
        'Đề nghị UBND Thành phố chỉ đạo Sở Tài chính ưu tiên bố trí kinh phí cho các nhiệm vụ chuyển tiếp.\n' +
        'Đề nghị các Sở, ban, ngành chủ động rà soát, cập nhật tiến độ trên hệ thống trước ngày 15 của tháng cuối quý.',
    },
    tasks: counts({
      total: 126,
      done: 61,
      inProgress: 48,
      notStarted: 12,
      unable: 5,
      verified: 44,
      pendingVerification: 11,
      overdue: 9,
      percent: 68.42,
    }),
    taskRows: [
      {
        taskId: 't1',
        ordinal: 1,
        section: 'I.1',
        content:
          'Tiếp tục duy trì, phát huy hiệu quả các kênh truyền thông để các cơ quan, đơn vị thuộc Thành phố và tổ chức, doanh nghiệp, người dân tích cực hưởng ứng tham gia chuyển đổi số.',
        counts: counts({
          total: 32,
          done: 20,
          inProgress: 10,
          notStarted: 2,
          verified: 15,
          pendingVerification: 3,
          overdue: 1,
          percent: 81.25,
        }),
      },
      {
        taskId: 't17',
        ordinal: 17,
        section: 'I.3',
        content:
          'Tiếp tục di trú các CSDL dùng chung và chuyên ngành của Thành phố về Trung tâm dữ liệu chính phục vụ triển khai Chính quyền số; duy trì hoạt động Trung tâm dữ liệu Nhà nước tại số 185 Giảng Võ.',
        counts: counts({ total: 1, done: 1, verified: 1, percent: 100 }),
      },
      {
        taskId: 't25',
        ordinal: 25,
        section: 'I.3',
        content:
          'Tiếp tục triển khai phát triển hạ tầng Bưu chính - Viễn thông phục vụ Chương trình chuyển đổi số thành phố Hà Nội giai đoạn 2021-2025 theo Kế hoạch số 174/KH-UBND ngày 27/7/2021.',
        counts: counts({ total: 3, inProgress: 2, notStarted: 1, overdue: 1, percent: 45 }),
      },
      {
        taskId: 't33',
        ordinal: 33,
        section: 'I.4',
        content:
          'Phát triển Nền tảng ứng dụng trí tuệ nhân tạo (AI) và trợ lý ảo (CHATBOT) dùng chung Thành phố hỗ trợ phục vụ người dân, doanh nghiệp và cán bộ công chức, viên chức trên địa bàn Thành phố.',
        counts: counts({ total: 1, inProgress: 1, percent: 60 }),
      },
      {
        taskId: 't34',
        ordinal: 34,
        section: 'I.4',
        content:
          'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính Thành phố đáp ứng yêu cầu kết nối, chia sẻ dữ liệu.',
        counts: counts({
          total: 89,
          done: 40,
          inProgress: 35,
          notStarted: 9,
          unable: 5,
          verified: 28,
          pendingVerification: 8,
          overdue: 7,
          percent: 62.3,
        }),
      },
    ],
    indicators: [
      {
        indicatorId: 'i4',
        ordinal: 4,
        section: 'CT-I',
        name: 'Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử trung bình của Thành phố',
        kind: 'rate',
        targetText: '100%',
        numerator: 118250,
        denominator: 125340,
        value: 94.343,
        rank: null,
        reporting: 118,
        expected: 126,
        attainment: 'not-met',
      },
      {
        indicatorId: 'i10',
        ordinal: 10,
        section: 'CT-I',
        name: 'Tỷ lệ Sở, ban, ngành, UBND các quận, huyện, thị xã triển khai các hoạt động nâng cao chất lượng và hiệu quả cung cấp dịch vụ công trực tuyến',
        kind: 'rate',
        targetText: '100%',
        numerator: 126,
        denominator: 126,
        value: 100,
        rank: null,
        reporting: 126,
        expected: 126,
        attainment: 'met',
      },
      {
        indicatorId: 'i16',
        ordinal: 16,
        section: 'CT-I',
        name: 'Tỷ lệ các cuộc họp cắt giảm thời gian họp, giảm tối đa việc sử dụng tài liệu giấy thông qua Hệ thống thông tin phục vụ họp và xử lý công việc',
        kind: 'rate',
        targetText: 'TP: 70% H: 60% X: 50%',
        numerator: 412,
        denominator: 640,
        value: 64.375,
        rank: null,
        reporting: 110,
        expected: 126,
        attainment: 'unknown',
      },
    ],
    completeness: {
      expected: 126,
      submitted: 118,
      onTime: 110,
      accepted: 104,
      completeness: 118 / 126,
      timeliness: 110 / 126,
    },
    unitReports: [],
    returnReason: null,
    revisionReason: null,
    approvedAt: '2025-12-19T09:00:00.000Z',
    allowedActions: ['export'],
    ...over,
  };
}

export const STC_ISSUER = {
  parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
  body: 'SỞ TÀI CHÍNH',
  abbreviation: 'STC',
  place: 'Hà Nội',
};

/** Sở Tài chính's own report for the same period: one task it leads (two coordinators), one it helps, two indicators. */
export function unitReport402(over: Partial<UnitReportDto> = {}): UnitReportDto {
  return {
    id: '5b0d6c4e-0000-4000-8000-0000000001f1',
    periodId: 'period-q4-2025',
    planId: 'plan-402',
    planSymbol: '402/KH-UBND',
    planTitle: 'Chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025',
    periodLabel: 'Quý IV/2025',
    dueDate: '2025-12-15',
    unitCode: '01-STC',
    unitName: 'Sở Tài chính',
    revision: 1,
    version: 4,
    status: 'submitted',
    sections: {
      results: 'Sở Tài chính đã chủ động triển khai các nhiệm vụ được giao, bảo đảm tiến độ theo Kế hoạch.',
      difficulties: '',
      proposals: 'Đề nghị Sở Khoa học và Công nghệ hướng dẫn thống nhất mẫu số liệu chỉ tiêu.',
    },
    tasks: [
      {
        assignmentId: 'a-34',
        taskId: 't34',
        taskOrdinal: 34,
        section: 'I.4',
        taskContent:
          'Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính Thành phố đáp ứng yêu cầu kết nối, chia sẻ dữ liệu.',
        role: 'lead',
        status: 'in-progress',
        percent: 75,
        verification: 'none',
        result: 'Đã kết nối 12/15 cơ sở dữ liệu chuyên ngành',
        note: 'Hoàn thành kết nối phần lớn cơ sở dữ liệu; còn 3 cơ sở dữ liệu chờ đơn vị quản lý nâng cấp.',
        due: '2025-12-31',
        overdue: false,
        evidenceCount: 3,
        obstacles: ['Ba cơ sở dữ liệu chuyên ngành chưa có giao diện kết nối (API).'],
        contributions: [
          {
            unitCode: '01-STP',
            unitName: 'Sở Tư pháp',
            status: 'done',
            percent: 100,
            result: 'Đã cung cấp dữ liệu hộ tịch',
            source: 'report',
          },
          {
            unitCode: '01-SXD',
            unitName: 'Sở Xây dựng',
            status: 'in-progress',
            percent: 50,
            result: null,
            source: 'work',
          },
        ],
      },
      {
        assignmentId: 'a-17',
        taskId: 't17',
        taskOrdinal: 17,
        section: 'I.3',
        taskContent:
          'Tiếp tục di trú các CSDL dùng chung và chuyên ngành của Thành phố về Trung tâm dữ liệu chính.',
        role: 'coordinator',
        status: 'done',
        percent: 100,
        verification: 'verified',
        result: 'Đã di trú cơ sở dữ liệu tài sản công',
        note: null,
        due: '2025-10-31',
        overdue: false,
        evidenceCount: 1,
        obstacles: [],
        contributions: [],
      },
    ],
    indicators: [
      {
        indicatorId: 'i4',
        ordinal: 4,
        section: 'CT-I',
        name: 'Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử',
        kind: 'rate',
        targetText: '100%',
        numerator: 1180,
        denominator: 1180,
        value: 100,
        rank: null,
        evidence: 'Số liệu Hệ thống một cửa điện tử',
      },
      {
        indicatorId: 'i10',
        ordinal: 10,
        section: 'CT-I',
        name: 'Tỷ lệ hồ sơ xử lý trực tuyến toàn trình',
        kind: 'rate',
        targetText: '> 85%',
        numerator: 640,
        denominator: 800,
        value: 80,
        rank: null,
        evidence: null,
      },
    ],
    submittedAt: '2025-12-12T03:00:00.000Z',
    onTime: true,
    returnReason: null,
    revisionReason: null,
    allowedActions: ['export'],
    ...over,
  };
}
