// Dates the way Altegio writes them for a New York business: ISO 8601 with the location's UTC offset (which
// follows US daylight saving time), "Y-m-d H:i:s" wall-clock strings, and offsets without a colon on some fields.

/** Whether US daylight saving time is in effect on a local calendar date (second Sunday of March to first Sunday of November). */
function isUsDaylightSaving(year: number, month: number, day: number): boolean {
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstSunday = 1 + ((7 - firstWeekday) % 7);
  return month === 3 ? day >= firstSunday + 7 : day < firstSunday;
}

/** "-05:00" or "-04:00" for a New York local date "YYYY-MM-DD". */
export function easternOffset(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number);
  return isUsDaylightSaving(y, m, d) ? '-04:00' : '-05:00';
}

/** "2026-03-05" + "10:00:00" → "2026-03-05T10:00:00-05:00". */
export function easternIso(localDate: string, localTime: string): string {
  return `${localDate}T${localTime}${easternOffset(localDate)}`;
}

/** The current moment as a New York ISO timestamp. */
export function nowEastern(now: Date = new Date()): string {
  // Try the winter offset first, then correct it if the resulting local date is in daylight saving time.
  for (const hours of [-5, -4]) {
    const local = new Date(now.getTime() + hours * 3600_000).toISOString();
    const date = local.slice(0, 10);
    const offset = easternOffset(date);
    if (offset === `-0${-hours}:00`) return `${date}T${local.slice(11, 19)}${offset}`;
  }
  return now.toISOString().replace(/\.\d+Z$/, '+00:00');
}

/** "2026-03-05T10:00:00-05:00" → "2026-03-05T10:00:00-0500" (the form of `last_change_date` and `create_date`). */
export function compactOffset(iso: string): string {
  return iso.replace(/([+-]\d\d):(\d\d)$/, '$1$2');
}

/** The wall-clock part of an ISO timestamp as Altegio's "Y-m-d H:i:s". */
export function wallClock(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Milliseconds since the epoch, or NaN for an unreadable timestamp. */
export function epochOf(iso: string): number {
  return Date.parse(iso);
}

/** The local calendar date of an ISO timestamp ("YYYY-MM-DD"), as written, without converting zones. */
export function localDateOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * The New York calendar date and minute of the day of an ISO timestamp written with any offset (a booking sent
 * in UTC is still 10:00 in the salon), or undefined for an unreadable timestamp.
 */
export function easternLocal(iso: string): { date: string; minute: number } | undefined {
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return undefined;
  for (const hours of [-5, -4]) {
    const local = new Date(epoch + hours * 3600_000).toISOString();
    const date = local.slice(0, 10);
    if (easternOffset(date) === `-0${-hours}:00`)
      return { date, minute: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) };
  }
  return undefined;
}

/** "HH:mm" → minutes since midnight. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Minutes since midnight → "HH:mm". */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar dates from `start` to `end` inclusive ("YYYY-MM-DD"). */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= last; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
