import { type DomainEvent, domainEvent } from '@dieu-hanh/api/shared/kernel';

/**
 * The directory's published events (danh mục đơn vị): their names and payloads are a contract other
 * contexts read (planning's succession reaction, notifications). Rename a field here and every reader
 * fails to compile instead of reading `undefined` at run time.
 */
export const UnitEventType = {
  Registered: 'organization.unit-registered',
  Renamed: 'organization.unit-renamed',
  Closed: 'organization.unit-closed',
  SuccessionRecorded: 'organization.unit-succession-recorded',
  DirectoryImported: 'organization.directory-imported',
} as const;

export type UnitKind = 'people-committee' | 'department' | 'commune' | 'commune-office' | 'partner';
export type SuccessionKind = 'merged-into' | 'replaced-by';

export interface UnitRegisteredPayload {
  code: string;
  officialName: string;
  shortName: string;
  kind: UnitKind;
  tier: 1 | 2;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string;
  validTo: string | null;
  aliases: string[];
}

export interface UnitRenamedPayload {
  officialName?: string;
  shortName?: string;
  aliases?: string[];
}

export interface UnitClosedPayload {
  validTo: string;
}

/** Sở A merged into (or replaced by) Sở B from `effectiveDate`: work held by A moves to B. */
export interface UnitSuccessionRecordedPayload {
  predecessorCode: string;
  successorCode: string;
  kind: SuccessionKind;
  effectiveDate: string;
  note: string | null;
}

export interface DirectoryImportedPayload {
  scope: string;
  provinces: number;
  unitsCreated: number;
  unitsUpdated: number;
  groups: number;
  successions: number;
}

/** Payload of each directory event, by type: `UnitEventPayloads[typeof UnitEventType.Closed]`. */
export interface UnitEventPayloads {
  [UnitEventType.Registered]: UnitRegisteredPayload;
  [UnitEventType.Renamed]: UnitRenamedPayload;
  [UnitEventType.Closed]: UnitClosedPayload;
  [UnitEventType.SuccessionRecorded]: UnitSuccessionRecordedPayload;
  [UnitEventType.DirectoryImported]: DirectoryImportedPayload;
}

export const unitRegistered = (unit: UnitRegisteredPayload) => domainEvent(UnitEventType.Registered, 'unit', unit.code, { ...unit });

export const unitRenamed = (code: string, changes: UnitRenamedPayload) => domainEvent(UnitEventType.Renamed, 'unit', code, changes);

export const unitClosed = (code: string, validTo: string) =>
  domainEvent<UnitClosedPayload>(UnitEventType.Closed, 'unit', code, { validTo });

export const unitSuccessionRecorded = (payload: UnitSuccessionRecordedPayload) =>
  domainEvent(UnitEventType.SuccessionRecorded, 'unit', payload.predecessorCode, payload);

export const directoryImported = (payload: DirectoryImportedPayload) =>
  domainEvent(UnitEventType.DirectoryImported, 'directory', 'unit-directory', payload);

/** Narrows a stored event to one of the directory's types, with its typed payload. */
export function isUnitEvent<T extends keyof UnitEventPayloads>(
  event: DomainEvent,
  type: T,
): event is DomainEvent<UnitEventPayloads[T]> & { type: T } {
  return event.type === type;
}
