/** How an error maps to HTTP at the edge; the domain itself knows nothing of HTTP. */
export type DomainErrorKind = 'validation' | 'not-found' | 'conflict' | 'forbidden' | 'unauthenticated';

export interface DomainErrorField {
  field: string;
  code: string;
  vi: string;
  en: string;
}

/**
 * An expected failure with a stable code (e.g. `ORGANIZATION.UNIT_CODE_TAKEN`) and a message in
 * Vietnamese and English. One filter at the edge turns it into problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    readonly vi: string,
    readonly en: string,
    readonly fields: DomainErrorField[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(en);
    this.name = 'DomainError';
  }
}
