// Formatting for the apps: `{0}` templates from the host's localised strings, sizes and durations.
import { ENGLISH_UNITS, UnitFormat, type PluralStrings, type UnitStrings } from '../../src/protocol/units';

/** Fills `{0}`, `{1}`… in a localised template. */
export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) =>
    args[Number(i)] === undefined ? m : String(args[Number(i)]),
  );
}

const locale = (): string => document.documentElement.lang || navigator.language || 'en';

// The host sends the unit words of the UI language (src/protocol/units.ts); until then, English ones.
let units: UnitFormat | undefined;
const format = (): UnitFormat => (units ??= new UnitFormat(locale(), ENGLISH_UNITS));

/** Formats with the unit words the host localised (sent with the app's strings). */
export function useUnitStrings(strings: UnitStrings): void {
  units = new UnitFormat(locale(), strings);
}

export function formatNumber(n: number): string {
  return format().number(n);
}

/** A count with its noun in the plural form of the UI language: "1 элемент", "5 элементов". */
export function formatCount(n: number, forms: PluralStrings): string {
  return format().count(n, forms);
}

export function formatDateTime(iso: string): string {
  return format().dateTime(iso);
}

export function formatBytes(bytes: number): string {
  return format().size(bytes);
}

export function formatMs(ms: number): string {
  return format().duration(ms);
}

/**
 * Creates the formatters before they are needed: the first Intl formatter loads locale data (tens of
 * milliseconds), which belongs in the idle time before the first answer arrives, not in its first frame.
 */
export function warmFormatters(): void {
  formatNumber(1);
  formatBytes(2048);
  formatMs(1500);
  formatDateTime(new Date(0).toISOString());
}
