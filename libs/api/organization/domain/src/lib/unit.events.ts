import { domainEvent } from '@dieu-hanh/api/shared/kernel';
import type { UnitProps } from './unit.aggregate';

export const UnitEventType = {
  Registered: 'organization.unit-registered',
  Renamed: 'organization.unit-renamed',
  Closed: 'organization.unit-closed',
  SuccessionRecorded: 'organization.unit-succession-recorded',
  DirectoryImported: 'organization.directory-imported',
} as const;

export const unitRegistered = (unit: UnitProps) => domainEvent(UnitEventType.Registered, 'unit', unit.code, { ...unit });

export const unitRenamed = (code: string, changes: { officialName?: string; shortName?: string; aliases?: string[] }) =>
  domainEvent(UnitEventType.Renamed, 'unit', code, changes);

export const unitClosed = (code: string, validTo: string) => domainEvent(UnitEventType.Closed, 'unit', code, { validTo });

export const unitSuccessionRecorded = (payload: {
  predecessorCode: string;
  successorCode: string;
  kind: string;
  effectiveDate: string;
  note: string | null;
}) => domainEvent(UnitEventType.SuccessionRecorded, 'unit', payload.predecessorCode, payload);

export const directoryImported = (payload: {
  scope: string;
  provinces: number;
  unitsCreated: number;
  unitsUpdated: number;
  groups: number;
  successions: number;
}) => domainEvent(UnitEventType.DirectoryImported, 'directory', 'unit-directory', payload);
