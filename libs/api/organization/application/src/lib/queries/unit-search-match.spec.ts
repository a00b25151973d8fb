import { type PredecessorNames, explainUnitMatch, searchTokens } from './unit-search-match';

const skhcn = {
  code: '01-SKHCN',
  shortName: 'Sở Khoa học và Công nghệ',
  officialName: 'Sở Khoa học và Công nghệ thành phố Hà Nội',
  aliases: ['Sở KH&CN', 'Sở Thông tin và Truyền thông', 'Sở TT&TT'],
};
const stttt: PredecessorNames = {
  successorCode: '01-SKHCN',
  code: '01-STTTT',
  shortName: 'Sở Thông tin và Truyền thông',
  officialName: 'Sở Thông tin và Truyền thông thành phố Hà Nội',
  aliases: ['Sở TT&TT', 'Sở TTTT'],
  kind: 'merged-into',
  effectiveDate: '2025-03-01',
};

describe('explainUnitMatch', () => {
  it('folds the words like the SQL does', () => {
    expect(searchTokens('  Sở  TT&TT ')).toEqual(['so', 'tt&tt']);
    expect(searchTokens(undefined)).toEqual([]);
  });

  it('says nothing when the unit’s own code or names hold the words', () => {
    expect(explainUnitMatch(searchTokens('khoa hoc'), skhcn, [stttt])).toBeUndefined();
    expect(explainUnitMatch(searchTokens('01-skhcn'), skhcn, [stttt])).toBeUndefined();
    expect(explainUnitMatch([], skhcn, [stttt])).toBeUndefined();
  });

  it('names the predecessor and the succession when a predecessor’s name holds the words', () => {
    expect(explainUnitMatch(searchTokens('Sở TT&TT'), skhcn, [stttt])).toEqual({
      via: 'predecessor',
      text: 'Sở TT&TT',
      predecessorCode: '01-STTTT',
      predecessorName: 'Sở Thông tin và Truyền thông',
      successionKind: 'merged-into',
      effectiveDate: '2025-03-01',
    });
    expect(explainUnitMatch(searchTokens('thong tin truyen thong'), skhcn, [stttt])).toMatchObject({ via: 'predecessor', text: 'Sở Thông tin và Truyền thông' });
  });

  it('ignores predecessors of other results and falls back to the alias holding most words', () => {
    expect(explainUnitMatch(searchTokens('sở tt&tt'), skhcn, [{ ...stttt, successorCode: '01-SGDDT' }])).toEqual({ via: 'alias', text: 'Sở TT&TT' });
    expect(explainUnitMatch(searchTokens('kh&cn'), skhcn)).toEqual({ via: 'alias', text: 'Sở KH&CN' });
    expect(explainUnitMatch(searchTokens('zzz'), skhcn, [stttt])).toBeUndefined();
  });
});
