// Formatting for the apps: `{0}` templates from the host's localised strings, counts in their plural forms,
// sizes and durations.
import { pluralText, type PluralText } from '../../src/protocol/plural';

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

// Creating an Intl formatter costs milliseconds: each kind is made once.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatNumber(n: number): string {
  return formatter('number', () => new Intl.NumberFormat(locale())).format(n);
}

export function formatDateTime(iso: string): string {
  return formatter(
    'datetime',
    () => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'medium' }),
  ).format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${formatter(`bytes${digits}`, () => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits })).format(value)} ${units[unit]}`;
}

export function formatMs(ms: number): string {
  return ms < 1000
    ? `${Math.round(ms)} ms`
    : `${formatter('seconds', () => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 })).format(ms / 1000)} s`;
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
