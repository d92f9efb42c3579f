// Formatting for the apps: `{0}` templates from the host's localised strings, counts in their plural forms,
// sizes and durations.
import { pluralText, type PluralText } from '../../src/protocol/plural';
import { ENGLISH_UNITS, UnitFormat, type UnitStrings } from '../../src/protocol/units';

/** Fills `{0}`, `{1}`… in a localised template. */
export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) =>
    args[Number(i)] === undefined ? m : String(args[Number(i)]),
  );
}

const locale = (): string => document.documentElement.lang || navigator.language || 'en';

/** The plural form a count takes in the UI language: "1 page", "3 pages"; `{0}` the count, `{1}`… `args`. */
export function countText(text: PluralText, count: number, ...args: (string | number)[]): string {
  return pluralText(text, count, locale(), ...args.map((a) => (typeof a === 'number' ? formatNumber(a) : a)));
}

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
