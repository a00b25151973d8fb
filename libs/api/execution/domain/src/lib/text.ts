import { workInvalid } from './execution.errors';

/** Longest free text on an assignment (note, result, reasons, obstacles, directives). */
export const MAX_TEXT = 4000;

/** Trims; empty becomes null. Refuses what is too long (the HTTP layer refuses NUL and lone surrogates earlier). */
export function optionalText(value: string | null | undefined, field: string, label: { vi: string; en: string }): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (!text) return null;
  if (text.length > MAX_TEXT) {
    throw workInvalid(field, `${label.vi} dài quá ${MAX_TEXT} ký tự.`, `${label.en} is longer than ${MAX_TEXT} characters.`);
  }
  return text;
}

/** Like optionalText, but required: empty (or only spaces) is refused. */
export function requiredText(value: string | null | undefined, field: string, label: { vi: string; en: string }): string {
  const text = optionalText(value, field, label);
  if (text === null) throw workInvalid(field, `${label.vi} không được để trống.`, `${label.en} is required.`);
  return text;
}
