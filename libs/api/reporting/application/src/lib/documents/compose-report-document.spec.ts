import type { ConsolidatedReportDto, StatusCountsDto, UnitReportDto } from '@dieu-hanh/shared/contracts';
import {
  consolidatedReportDocument,
  countsText,
  formatNumberVi,
  indicatorResultText,
  judgeIndicator,
  normaliseRecipients,
  outcomeText,
  parseSignerTitle,
  unitReportDocument,
} from './compose-report-document';
import { DocTable, ReportDocument, documentDateLine, documentNumberLine } from './report-document';

const ISSUER = {
  parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
  body: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  abbreviation: 'SKHCN',
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

function consolidated(over: Partial<ConsolidatedReportDto> = {}): ConsolidatedReportDto {
  return {
    id: 'c1',
    periodId: 'p1',
    planId: 'plan-402',
    planSymbol: '402/KH-UBND',
    planTitle: 'Chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025',
    periodLabel: 'Quý IV/2025',
    focalUnitCode: '01-SKHCN',
    focalUnitName: 'Sở Khoa học và Công nghệ',
    revision: 1,
    version: 3,
    status: 'draft',
    documentNumber: '125/BC-SKHCN',
    place: 'Hà Nội',
    documentDate: '2025-12-20',
    recipients: ['UBND Thành phố (để b/c)', '- Các sở, ban, ngành;', 'Lưu: VT, KHTC'],
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    signerName: 'Nguyễn Văn An',
    sections: {
      results: 'Các đơn vị đã triển khai đồng bộ các nhiệm vụ.\n\nHạ tầng số tiếp tục được đầu tư.',
      difficulties: 'Kinh phí bố trí chậm.',
      proposals: '',
    },
    tasks: counts({
      total: 126,
      done: 60,
      inProgress: 50,
      notStarted: 10,
      unable: 6,
      verified: 40,
      pendingVerification: 12,
      overdue: 9,
      percent: 62.48,
    }),
    taskRows: [
      {
        taskId: 't2',
        ordinal: 2,
        section: 'NV-II',
        content: 'Triển khai nền tảng dữ liệu dùng chung',
        counts: counts({
          total: 12,
          done: 5,
          inProgress: 4,
          notStarted: 2,
          unable: 1,
          overdue: 3,
          percent: 55.25,
        }),
      },
      {
        taskId: 't1',
        ordinal: 1,
        section: 'NV-I',
        content: 'Hoàn thiện thể chế về chuyển đổi số',
        counts: counts({ total: 1, done: 1, verified: 1, percent: 100 }),
      },
    ],
    indicators: [
      {
        indicatorId: 'i1',
        ordinal: 1,
        section: null,
        name: 'Tỷ lệ TTHC cung cấp DVCTT toàn trình',
        kind: 'rate',
        targetText: '100%',
        numerator: 1180,
        denominator: 1260,
        value: 93.65079,
        rank: null,
        reporting: 118,
        expected: 126,
        attainment: 'not-met',
      },
      {
        indicatorId: 'i2',
        ordinal: 2,
        section: null,
        name: 'Xếp hạng chỉ số DTI',
        kind: 'rank',
        targetText: 'Tốp 5',
        numerator: null,
        denominator: null,
        value: null,
        rank: 3,
        reporting: 1,
        expected: 1,
        attainment: 'met',
      },
      {
        indicatorId: 'i3',
        ordinal: 3,
        section: null,
        name: 'Số người dân được tập huấn kỹ năng số',
        kind: 'value',
        targetText: null,
        numerator: null,
        denominator: null,
        value: null,
        rank: null,
        reporting: 0,
        expected: 30,
        attainment: 'no-data',
      },
    ],
    completeness: {
      expected: 126,
      submitted: 118,
      onTime: 110,
      accepted: 100,
      completeness: 118 / 126,
      timeliness: 110 / 126,
    },
    unitReports: [],
    returnReason: null,
    revisionReason: null,
    approvedAt: null,
    allowedActions: [],
    ...over,
  };
}

function unitReport(over: Partial<UnitReportDto> = {}): UnitReportDto {
  return {
    id: 'r1',
    periodId: 'p1',
    planId: 'plan-402',
    planSymbol: '402/KH-UBND',
    planTitle: 'Chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025',
    periodLabel: 'Quý IV/2025',
    dueDate: '2025-12-15',
    unitCode: '01-STC',
    unitName: 'Sở Tài chính',
    revision: 1,
    version: 2,
    status: 'submitted',
    sections: {
      results: 'Đơn vị đã hoàn thành phần lớn nhiệm vụ.',
      difficulties: '',
      proposals: 'Đề nghị bổ sung kinh phí.',
    },
    tasks: [
      {
        assignmentId: 'a7',
        taskId: 't7',
        taskOrdinal: 7,
        section: null,
        taskContent: 'Số hóa hồ sơ tài chính',
        role: 'coordinator',
        status: 'in-progress',
        percent: 40,
        verification: 'none',
        result: null,
        note: null,
        due: null,
        overdue: false,
        evidenceCount: 0,
        obstacles: [],
        contributions: [],
      },
      {
        assignmentId: 'a3',
        taskId: 't3',
        taskOrdinal: 3,
        section: null,
        taskContent: 'Xây dựng cơ sở dữ liệu tài sản công',
        role: 'lead',
        status: 'done',
        percent: 100,
        verification: 'verified',
        result: 'Đã vận hành cơ sở dữ liệu',
        note: 'Hoàn thành, đưa vào sử dụng từ 01/11/2025',
        due: '2025-11-30',
        overdue: false,
        evidenceCount: 2,
        obstacles: ['Thiếu nhân lực nhập liệu'],
        contributions: [
          {
            unitCode: '01-STP',
            unitName: 'Sở Tư pháp',
            status: 'done',
            percent: 100,
            result: 'Đã cung cấp dữ liệu',
            source: 'report',
          },
          {
            unitCode: '01-SXD',
            unitName: 'Sở Xây dựng',
            status: 'in-progress',
            percent: 62.5,
            result: null,
            source: 'work',
          },
        ],
      },
    ],
    indicators: [
      {
        indicatorId: 'i1',
        ordinal: 1,
        section: null,
        name: 'Tỷ lệ hồ sơ xử lý trực tuyến',
        kind: 'rate',
        targetText: '> 85%',
        numerator: 35,
        denominator: 40,
        value: 87.5,
        rank: null,
        evidence: 'Báo cáo hệ thống một cửa',
      },
      {
        indicatorId: 'i2',
        ordinal: 2,
        section: null,
        name: 'Kinh phí chi cho chuyển đổi số',
        kind: 'value',
        targetText: null,
        numerator: null,
        denominator: null,
        value: 1250000,
        rank: null,
        evidence: null,
      },
    ],
    submittedAt: '2025-12-14T18:30:00.000Z', // 15/12 in Vietnam
    onTime: true,
    returnReason: null,
    revisionReason: null,
    allowedActions: [],
    ...over,
  };
}

const texts = (doc: ReportDocument) =>
  doc.blocks.map((b) =>
    b.type === 'table'
      ? b.rows.map((r) => r.cells.join(' | ')).join('\n')
      : `${b.type === 'heading' ? `${b.numbering} ` : ''}${b.text}`,
  );
const tables = (doc: ReportDocument) => doc.blocks.filter((b): b is DocTable => b.type === 'table');

describe('Vietnamese formats', () => {
  it('writes numbers with a decimal comma and dots for thousands', () => {
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
    expect(formatNumberVi(93.65079)).toBe('93,65');
    expect(formatNumberVi(1250000)).toBe('1.250.000');
    expect(formatNumberVi(-0.001)).toBe('0');
  });

  it('writes the place and date as Decree 30 does (leading zero for days < 10 and months 1, 2)', () => {
    expect(documentDateLine('Hà Nội', '2025-12-20')).toBe('Hà Nội, ngày 20 tháng 12 năm 2025');
    expect(documentDateLine('Hà Nội', '2025-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2025');
    expect(documentDateLine('Hà Nội', '2025-03-09')).toBe('Hà Nội, ngày 09 tháng 3 năm 2025');
    expect(documentDateLine('Hà Nội', null)).toMatch(/^Hà Nội, ngày\s+tháng\s+năm 20\s*$/u);
  });

  it('writes the number and symbol, or blanks for the clerk', () => {
    const doc = { kind: 'BÁO CÁO', issuer: ISSUER };
    expect(documentNumberLine({ ...doc, number: '125/BC-SKHCN' })).toBe('Số: 125/BC-SKHCN');
    expect(documentNumberLine({ ...doc, number: '125' })).toBe('Số: 125/BC-SKHCN');
    expect(documentNumberLine({ ...doc, number: null })).toMatch(/^Số:\s{6}\/BC-SKHCN$/u);
  });

  it('writes an indicator value by kind', () => {
    expect(indicatorResultText('rate', { numerator: 35, denominator: 40, value: 87.5, rank: null })).toBe(
      '87,5% (35/40)',
    );
    expect(
      indicatorResultText('value', { numerator: null, denominator: null, value: 1250, rank: null }),
    ).toBe('1.250');
    expect(indicatorResultText('rank', { numerator: null, denominator: null, value: null, rank: 3 })).toBe(
      'Xếp thứ 3',
    );
    expect(
      indicatorResultText('rate', { numerator: null, denominator: null, value: null, rank: null }),
    ).toBeNull();
  });

  it('judges a unit value against the year target', () => {
    expect(judgeIndicator('> 85%', 'rate', 87.5, null)).toBe('met');
    expect(judgeIndicator('100%', 'rate', 93, null)).toBe('not-met');
    expect(judgeIndicator('Tốp 5', 'rank', null, 3)).toBe('met');
    expect(judgeIndicator('Tốp 5', 'rank', null, 8)).toBe('not-met');
    // The consolidated figures' rule: "Khoảng" is met within ±10 % of the target.
    expect(judgeIndicator('Khoảng 30%', 'rate', 31, null)).toBe('met');
    expect(judgeIndicator(null, 'value', 12, null)).toBe('unknown');
    expect(judgeIndicator('100%', 'rate', null, null)).toBe('no-data');
  });

  it('normalises "Nơi nhận" lines and keeps "Lưu" last with a full stop', () => {
    expect(normaliseRecipients(['UBND Thành phố (để b/c)', '- Các sở;', 'Lưu: VT'])).toEqual([
      '- UBND Thành phố (để b/c);',
      '- Các sở;',
      '- Lưu: VT.',
    ]);
    expect(normaliseRecipients([])).toEqual(['- Lưu: VT.']);
  });

  it('splits the signer title into authority and title', () => {
    expect(parseSignerTitle('KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC')).toEqual({
      authority: 'KT. GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
    });
    expect(parseSignerTitle('kt. giám đốc phó giám đốc')).toEqual({
      authority: 'KT. GIÁM ĐỐC',
      title: 'PHÓ GIÁM ĐỐC',
    });
    expect(parseSignerTitle('TM. ỦY BAN NHÂN DÂN CHỦ TỊCH')).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
    });
    expect(parseSignerTitle('Giám đốc')).toEqual({ authority: null, title: 'GIÁM ĐỐC' });
  });

  it('sums up a task across its lead units', () => {
    const c = counts({
      total: 12,
      done: 5,
      inProgress: 4,
      notStarted: 2,
      unable: 1,
      overdue: 3,
      pendingVerification: 2,
    });
    expect(countsText(c)).toBe(
      '12 đơn vị: 5 hoàn thành, 4 đang thực hiện, 2 chưa thực hiện, 1 không thực hiện được; 3 quá hạn, 2 chờ thẩm định',
    );
    expect(outcomeText(c)).toBe('Hoàn thành 5/12 đơn vị; quá hạn');
    expect(outcomeText(counts({ total: 2, done: 2, verified: 2 }))).toBe('Hoàn thành, đã xác nhận');
    expect(outcomeText(counts({ total: 3, notStarted: 3 }))).toBe('Chưa thực hiện');
    expect(countsText(counts({}))).toBe('Chưa giao đơn vị');
  });
});

describe('consolidatedReportDocument', () => {
  const doc = consolidatedReportDocument(consolidated(), ISSUER);

  it('fills the header, title, recipients and signer from the report', () => {
    expect(doc.issuer).toEqual(ISSUER);
    expect(doc.number).toBe('125/BC-SKHCN');
    expect(doc.place).toBe('Hà Nội');
    expect(doc.date).toBe('2025-12-20');
    expect(doc.kind).toBe('BÁO CÁO');
    expect(doc.title).toBe(
      'Kết quả thực hiện Kế hoạch số 402/KH-UBND về chuyển đổi số, xây dựng thành phố Hà Nội thông minh năm 2025 (Quý IV/2025)',
    );
    expect(doc.recipients).toEqual([
      '- UBND Thành phố (để b/c);',
      '- Các sở, ban, ngành;',
      '- Lưu: VT, KHTC.',
    ]);
    expect(doc.signer).toEqual({ authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn An' });
  });

  it('has sections I, II, III with the completeness line and the narrative', () => {
    const headings = doc.blocks
      .filter((b) => b.type === 'heading')
      .map((b) => (b.type === 'heading' ? `${b.numbering} ${b.text}` : ''));
    expect(headings).toEqual([
      'I. KẾT QUẢ THỰC HIỆN',
      '1. Tình hình chung',
      '2. Tình hình thực hiện nhiệm vụ',
      '3. Kết quả thực hiện các chỉ tiêu',
      'II. KHÓ KHĂN, VƯỚNG MẮC',
      'III. ĐỀ XUẤT, KIẾN NGHỊ',
    ]);
    const all = texts(doc).join('\n');
    expect(all).toContain(
      'Đã nhận 118/126 báo cáo, 110 đúng hạn (đạt 93,7% số báo cáo phải gửi; 87,3% đúng hạn)',
    );
    expect(all).toContain('Các đơn vị đã triển khai đồng bộ các nhiệm vụ.\nHạ tầng số tiếp tục được đầu tư.');
    expect(all).toContain('tiến độ bình quân 62,5%');
    expect(all).toContain('Kế hoạch có 3 chỉ tiêu: 1 đạt, 1 chưa đạt, 1 chưa có số liệu.'); // zero counts left out
    expect(all).toContain('II. KHÓ KHĂN, VƯỚNG MẮC\nKinh phí bố trí chậm.');
    expect(all).toContain('III. ĐỀ XUẤT, KIẾN NGHỊ\nKhông có.'); // an empty section says so
    expect(all).toMatch(/Sở Khoa học và Công nghệ\.\/\.$/u);
  });

  it('tables the tasks by ordinal with their lead units counted', () => {
    const [tasks] = tables(doc);
    expect(tasks.columns.map((c) => c.title)).toEqual([
      'STT',
      'Nhiệm vụ',
      'Đơn vị chủ trì / tình trạng',
      'Tiến độ (%)',
      'Kết quả',
    ]);
    expect(tasks.widths).toHaveLength(5);
    expect(tasks.rows.map((r) => r.cells)).toEqual([
      [
        '1',
        'Hoàn thiện thể chế về chuyển đổi số',
        '1 đơn vị: 1 hoàn thành',
        '100',
        'Hoàn thành, đã xác nhận',
      ],
      [
        '2',
        'Triển khai nền tảng dữ liệu dùng chung',
        '12 đơn vị: 5 hoàn thành, 4 đang thực hiện, 2 chưa thực hiện, 1 không thực hiện được; 3 quá hạn',
        '55,3',
        'Hoàn thành 5/12 đơn vị; quá hạn',
      ],
    ]);
  });

  it('shows section rows when the plan sections are known', () => {
    const withSections = consolidatedReportDocument(consolidated(), ISSUER, {
      sectionTitles: { 'NV-I': 'I. THỂ CHẾ', 'NV-II': 'II. DỮ LIỆU' },
    });
    expect(tables(withSections)[0].rows.map((r) => r.kind ?? 'normal')).toEqual([
      'group',
      'normal',
      'group',
      'normal',
    ]);
    expect(tables(withSections)[0].rows[0].cells).toEqual(['I. THỂ CHẾ']);
  });

  it('tables the indicators with their city figures and attainment', () => {
    const [, indicators] = tables(doc);
    expect(indicators.columns.map((c) => c.title)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Chỉ tiêu năm',
      'Kết quả thực hiện',
      'Đánh giá',
    ]);
    expect(indicators.rows.map((r) => r.cells)).toEqual([
      [
        '1',
        'Tỷ lệ TTHC cung cấp DVCTT toàn trình',
        '100%',
        '93,65% (1.180/1.260)\n(118/126 đơn vị)',
        'Chưa đạt',
      ],
      ['2', 'Xếp hạng chỉ số DTI', 'Tốp 5', 'Xếp thứ 3\n(1/1 đơn vị)', 'Đạt'],
      ['3', 'Số người dân được tập huấn kỹ năng số', '—', '—\n(0/30 đơn vị)', 'Chưa có số liệu'],
    ]);
  });

  it('leaves blanks for an unnumbered, undated draft and picks a default signer', () => {
    const draft = consolidatedReportDocument(
      consolidated({
        documentNumber: null,
        documentDate: null,
        signerTitle: null,
        signerName: null,
        recipients: [],
      }),
      ISSUER,
    );
    expect(draft.number).toBeNull();
    expect(draft.date).toBeNull();
    expect(draft.signer).toEqual({ authority: null, title: 'GIÁM ĐỐC', name: null });
    expect(draft.recipients).toEqual(['- Lưu: VT.']);
  });
});

describe('unitReportDocument', () => {
  const doc = unitReportDocument(
    unitReport(),
    { ...ISSUER, parentBody: 'UBND THÀNH PHỐ HÀ NỘI', body: 'SỞ TÀI CHÍNH', abbreviation: 'STC' },
    { focalUnitName: 'Sở Khoa học và Công nghệ' },
  );

  it('dates the report on its submission day in Vietnam and addresses the focal unit', () => {
    expect(doc.date).toBe('2025-12-15');
    expect(doc.number).toBeNull();
    expect(doc.recipients).toEqual(['- Sở Khoa học và Công nghệ (để tổng hợp);', '- Lưu: VT.']);
    expect(doc.signer).toEqual({ authority: null, title: 'GIÁM ĐỐC', name: null });
    expect(doc.title).toContain('(Quý IV/2025)');
  });

  it("lists the unit's tasks by ordinal with coordinators' contributions under the task they help", () => {
    const [tasks] = tables(doc);
    expect(tasks.rows.map((r) => [r.kind ?? 'normal', ...r.cells])).toEqual([
      [
        'normal',
        '3',
        'Xây dựng cơ sở dữ liệu tài sản công',
        'Chủ trì: Hoàn thành\n(đã xác nhận)\nThời hạn: 30/11/2025',
        '100',
        'Hoàn thành, đưa vào sử dụng từ 01/11/2025\nĐã vận hành cơ sở dữ liệu\n(2 minh chứng)',
      ],
      [
        'detail',
        '',
        'Sở Tư pháp (phối hợp)',
        'Hoàn thành',
        '100',
        'Đã cung cấp dữ liệu\n(theo báo cáo của đơn vị)',
      ],
      ['detail', '', 'Sở Xây dựng (phối hợp)', 'Đang thực hiện', '62,5', '—\n(theo cập nhật tiến độ)'],
      ['normal', '7', 'Số hóa hồ sơ tài chính', 'Phối hợp: Đang thực hiện', '40', '—'],
    ]);
  });

  it("judges the unit's indicators and shows its evidence", () => {
    const [, indicators] = tables(doc);
    expect(indicators.rows.map((r) => r.cells)).toEqual([
      ['1', 'Tỷ lệ hồ sơ xử lý trực tuyến', '> 85%', '87,5% (35/40)\n(Báo cáo hệ thống một cửa)', 'Đạt'],
      ['2', 'Kinh phí chi cho chuyển đổi số', '—', '1.250.000', 'Chưa xác định'],
    ]);
  });

  it('lists obstacles under difficulties and counts the tasks', () => {
    const all = texts(doc).join('\n');
    expect(all).toContain(
      'Đơn vị được giao 2 nhiệm vụ (chủ trì 1, phối hợp 1): hoàn thành 1, đang thực hiện 1, chưa thực hiện 0, không thực hiện được 0; quá hạn 0.',
    );
    expect(all).toContain(
      'II. KHÓ KHĂN, VƯỚNG MẮC\nVướng mắc phát sinh khi thực hiện các nhiệm vụ:\n- Nhiệm vụ số 3: Thiếu nhân lực nhập liệu',
    );
    expect(all).toContain('III. ĐỀ XUẤT, KIẾN NGHỊ\nĐề nghị bổ sung kinh phí.');
  });

  it('has no date before submission and says so when nothing was assigned', () => {
    const empty = unitReportDocument(unitReport({ submittedAt: null, tasks: [], indicators: [] }), ISSUER);
    expect(empty.date).toBeNull();
    const all = texts(empty).join('\n');
    expect(all).toContain('Đơn vị không có nhiệm vụ được giao trong kỳ.');
    expect(all).toContain('Đơn vị không được giao chỉ tiêu.');
    expect(all).toContain('II. KHÓ KHĂN, VƯỚNG MẮC\nKhông có.');
  });
});
