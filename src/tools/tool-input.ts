// Reading a tool's input. VS Code passes on whatever the model wrote (it does not check the input against the
// declared schema), so every field is read defensively.
import { isRecord } from '../api/is-record';

export function inputRecord(input: unknown): Record<string, unknown> {
  return isRecord(input) ? input : {};
}

/** A non-empty string field, trimmed. */
export function textField(input: unknown, key: string): string | undefined {
  const v = inputRecord(input)[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** An integer field within bounds (a number or a numeric string), else the default. */
export function intField(input: unknown, key: string, fallback: number, min: number, max: number): number {
  const raw = inputRecord(input)[key];
  const v = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  return typeof v === 'number' && Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : fallback;
}

/** Whether the UI speaks Russian (tool texts then carry the catalog's Russian names). */
export function displaysRussian(language: string): boolean {
  return language.toLowerCase().startsWith('ru');
}
