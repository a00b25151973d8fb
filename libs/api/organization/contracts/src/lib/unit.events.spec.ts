import { isUnitEvent, unitClosed, unitSuccessionRecorded, UnitEventType } from './unit.events';

describe('organization contracts: unit events', () => {
  it('names, addresses and types each event by its factory', () => {
    const e = unitSuccessionRecorded({ predecessorCode: '01-STTTT', successorCode: '01-SKHCN', kind: 'merged-into', effectiveDate: '2025-03-01', note: null });
    expect(e).toEqual({
      type: 'organization.unit-succession-recorded',
      aggregateType: 'unit',
      aggregateId: '01-STTTT',
      payload: { predecessorCode: '01-STTTT', successorCode: '01-SKHCN', kind: 'merged-into', effectiveDate: '2025-03-01', note: null },
    });
    expect(unitClosed('00004', '2025-06-30')).toMatchObject({ type: UnitEventType.Closed, aggregateId: '00004', payload: { validTo: '2025-06-30' } });
  });

  it('narrows a stored event to its type only', () => {
    const e = unitClosed('00004', '2025-06-30');
    expect(isUnitEvent(e, UnitEventType.Closed)).toBe(true);
    expect(isUnitEvent(e, UnitEventType.SuccessionRecorded)).toBe(false);
    if (isUnitEvent(e, UnitEventType.Closed)) expect(e.payload.validTo).toBe('2025-06-30');
  });

  it('keeps the stored type names (they are in the event log for ever)', () => {
    expect(Object.values(UnitEventType)).toEqual([
      'organization.unit-registered',
      'organization.unit-renamed',
      'organization.unit-closed',
      'organization.unit-succession-recorded',
      'organization.directory-imported',
    ]);
  });
});
