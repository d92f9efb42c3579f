// Numbers, durations, sizes, dates and times as the UI language writes them: digits and dates by Intl for that
// locale, unit words from the localised strings ("16 ms" / "16 мс", "5.1 KB" / "5,1 КБ"). The host formats with it
// (History, the form's result) and the webview apps with the same code and the strings the host sends them.

/** Templates with `{0}` for the number: "{0} ms", "{0} KB"… */
export interface UnitStrings {
  milliseconds: string;
  seconds: string;
  bytes: string;
  kilobytes: string;
  megabytes: string;
  gigabytes: string;
}

export const ENGLISH_UNITS: UnitStrings = {
  milliseconds: '{0} ms',
  seconds: '{0} s',
  bytes: '{0} B',
  kilobytes: '{0} KB',
  megabytes: '{0} MB',
  gigabytes: '{0} GB',
};

export class UnitFormat {
  readonly locale: string;
  // Creating an Intl formatter costs milliseconds (the first one loads locale data): each kind is made once.
  private readonly numbers = new Map<number, Intl.NumberFormat>();
  private dateTimes: Intl.DateTimeFormat | undefined;
  private times: Intl.DateTimeFormat | undefined;

  constructor(
    locale: string,
    private readonly units: UnitStrings,
  ) {
    this.locale = supportedLocale(locale);
  }

  /** A number with the locale's digit grouping and decimal sign, at most `fractionDigits` decimals. */
  number(n: number, fractionDigits = 2): string {
    let f = this.numbers.get(fractionDigits);
    if (!f) {
      f = new Intl.NumberFormat(this.locale, { maximumFractionDigits: fractionDigits });
      this.numbers.set(fractionDigits, f);
    }
    return f.format(n);
  }

  /** Under a second in milliseconds, else in seconds: "16 ms", "1.25 s". */
  duration(ms: number): string {
    return ms < 1000
      ? fill(this.units.milliseconds, this.number(Math.round(ms), 0))
      : fill(this.units.seconds, this.number(ms / 1000, 2));
  }

  /** Bytes in the largest unit under 1024: "690 B", "5.1 KB", "12.3 MB". */
  size(bytes: number): string {
    const templates = [this.units.bytes, this.units.kilobytes, this.units.megabytes, this.units.gigabytes];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < templates.length - 1) {
      value /= 1024;
      unit++;
    }
    return fill(templates[unit], this.number(value, unit === 0 ? 0 : 1));
  }

  /** Date and time: "1 Dec 2026, 12:04:17" / "1 дек. 2026 г., 12:04:17". */
  dateTime(when: Date | string | number): string {
    this.dateTimes ??= new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return this.dateTimes.format(new Date(when));
  }

  /** The time of day: "12:04:17 PM" / "12:04:17". */
  time(when: Date | string | number): string {
    this.times ??= new Intl.DateTimeFormat(this.locale, { timeStyle: 'medium' });
    return this.times.format(new Date(when));
  }
}

function fill(template: string, value: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const at = Number(i);
    return at === 0 ? value : at <= args.length ? String(args[at - 1]) : m;
  });
}

/** The language if Intl knows it, else English (VS Code's 'qps-ploc' pseudo-language, a malformed tag). */
function supportedLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
  } catch {
    return 'en';
  }
}
