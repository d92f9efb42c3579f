// Working schedules, computed from each team member's usual week and the dates set through the API: the schedule of
// a member over a range, the location's schedule list, setting and clearing dates, the calendar's working dates and
// a day's bookable times. Booking an appointment checks the same hours (see `availabilityProblem`).
import type { Appointment, TeamMember } from '../model';
import type { Store } from '../store';
import { datesBetween, easternLocal, hhmm, minutesOf } from '../time';
import { isoWeekday } from '../seed/hours';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, idParam } from './request';
import { respond, respondList } from './responses';

type Slot = { from: string; to: string };

/** The longest range one request may ask for, as Altegio limits schedule queries. */
const MAX_RANGE_DAYS = 366;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A member's working hours on a date: a date set through the API, else the usual week (until `schedule_till`). */
export function hoursOn(store: Store, member: TeamMember, date: string): Slot[] {
  const set = scheduleDayIndex(store).get(`${member.id}/${date}`);
  if (set) return set.slots;
  if (member.schedule_till && date > member.schedule_till) return [];
  if (member.fired) return [];
  const weekday = isoWeekday(date);
  return weekIndex(store).get(`${member.id}/${weekday}`) ?? [];
}

function scheduleDayIndex(store: Store) {
  return store.derived('scheduleDays.byMemberDate', ['scheduleDays'], () => {
    const index = new Map<string, { id: number; slots: Slot[] }>();
    for (const d of store.list('scheduleDays')) index.set(`${d.staff_id}/${d.date}`, d);
    return index;
  });
}

function weekIndex(store: Store) {
  return store.derived('workingHours.byMemberWeekday', ['workingHours'], () => {
    const index = new Map<string, Slot[]>();
    for (const h of store.list('workingHours')) index.set(`${h.staff_id}/${h.weekday}`, h.slots);
    return index;
  });
}

/** Sets (or, with no slots, clears) a member's hours on one date. */
function setDay(store: Store, member: TeamMember, date: string, slots: Slot[]): void {
  const current = scheduleDayIndex(store).get(`${member.id}/${date}`);
  if (current) store.update('scheduleDays', current.id, { slots });
  else
    store.insert('scheduleDays', {
      id: store.nextId('scheduleDays'),
      location_id: member.location_id,
      staff_id: member.id,
      date,
      slots,
    });
}

/** The member's live appointments on a date, by start. */
function appointmentsOn(store: Store, memberId: number, date: string): Appointment[] {
  const index = store.derived('appointments.byMemberDate', ['appointments'], () => {
    const byKey = new Map<string, Appointment[]>();
    for (const a of store.list('appointments')) {
      if (a.deleted) continue;
      const local = easternLocal(a.datetime);
      if (!local) continue;
      const key = `${a.staff_id}/${local.date}`;
      byKey.set(key, [...(byKey.get(key) ?? []), a]);
    }
    return byKey;
  });
  return index.get(`${memberId}/${date}`) ?? [];
}

/** Busy intervals of a member on a date, in minutes: appointments and group events. */
function busyOn(store: Store, memberId: number, date: string, except?: { recordId?: number; activityId?: number }) {
  const busy: { from: number; to: number; what: string }[] = [];
  for (const a of appointmentsOn(store, memberId, date)) {
    if (a.id === except?.recordId) continue;
    if (except?.activityId && a.activity_id === except.activityId) continue;
    const start = easternLocal(a.datetime)!.minute;
    busy.push({ from: start, to: start + Math.ceil(a.seance_length / 60), what: `appointment ${a.id}` });
  }
  for (const e of store.list('events')) {
    if (e.staff_id !== memberId || e.id === except?.activityId) continue;
    const local = easternLocal(e.datetime);
    if (local?.date !== date) continue;
    busy.push({ from: local.minute, to: local.minute + Math.ceil(e.length / 60), what: `group event ${e.id}` });
  }
  return busy;
}

/**
 * Why a member cannot take an appointment at `datetime` for `seconds` (outside working hours, or overlapping
 * another appointment or a group event), or undefined when they can. Altegio refuses both unless `save_if_busy`.
 */
export function availabilityProblem(
  store: Store,
  member: TeamMember,
  datetime: string,
  seconds: number,
  except?: { recordId?: number; activityId?: number },
): string | undefined {
  const local = easternLocal(datetime);
  if (!local) return undefined;
  const start = local.minute;
  const end = start + Math.ceil(seconds / 60);
  const slots = hoursOn(store, member, local.date);
  if (!slots.some((s) => minutesOf(s.from) <= start && end <= minutesOf(s.to))) {
    const hours = slots.length ? `works ${slots.map((s) => `${s.from}–${s.to}`).join(', ')}` : 'does not work';
    return `${member.name} ${hours} on ${local.date}, so ${hhmm(start)}–${hhmm(end % 1440)} is outside working hours; choose another time or send save_if_busy: true`;
  }
  const clash = busyOn(store, member.id, local.date, except).find((b) => b.from < end && start < b.to);
  if (clash)
    return `${member.name} is busy at that time (${clash.what}); choose another time or send save_if_busy: true`;
  return undefined;
}

function memberOf(ctx: HandlerContext, id: number, field = 'team_member_id'): TeamMember {
  const member = ctx.store.get('staff', id);
  if (!member || member.location_id !== idParam(ctx, 'location_id'))
    throw fieldProblem(field, `${field} ${id} is not a team member of location ${idParam(ctx, 'location_id')}`);
  return member;
}

function dateRange(start: unknown, end: unknown, names = ['start_date', 'end_date']): string[] {
  const problems: Record<string, string[]> = {};
  if (typeof start !== 'string' || !DATE.test(start))
    problems[names[0]] = [`${names[0]} must be a date like 2026-03-01`];
  if (typeof end !== 'string' || !DATE.test(end)) problems[names[1]] = [`${names[1]} must be a date like 2026-03-31`];
  if (Object.keys(problems).length) throw new ApiError(400, Object.values(problems)[0][0], problems);
  const dates = datesBetween(start as string, end as string);
  if (!dates.length) throw fieldProblem(names[1], `${names[1]} ${String(end)} is before ${names[0]} ${String(start)}`);
  if (dates.length > MAX_RANGE_DAYS)
    throw fieldProblem(names[1], `a schedule covers at most ${MAX_RANGE_DAYS} days; ask for a shorter range`);
  return dates;
}

function checkSlots(slots: unknown, field: string): Slot[] {
  if (!Array.isArray(slots)) throw fieldProblem(field, `${field} must be a list of {from, to} times`);
  return slots.map((s: { from?: unknown; to?: unknown }, i) => {
    const from = String(s?.from ?? '');
    const to = String(s?.to ?? '');
    if (!TIME.test(from) || !TIME.test(to) || minutesOf(from) >= minutesOf(to))
      throw fieldProblem(`${field}[${i}]`, `${field}[${i}] must run from an earlier "HH:mm" to a later one`);
    return { from, to };
  });
}

function scheduleEntry(store: Store, member: TeamMember, date: string) {
  const slots = hoursOn(store, member, date);
  return { date, is_working: slots.length ? 1 : 0, slots };
}

/** The days of a body: a list (`[...]`, or `{"[]": [...]}` as the document models it). */
function bodyDays(ctx: HandlerContext): unknown[] {
  if (Array.isArray(ctx.body)) return ctx.body;
  const wrapped = bodyOf(ctx)['[]'];
  return Array.isArray(wrapped) ? wrapped : [];
}

function applyDays(ctx: HandlerContext, member: TeamMember, days: unknown[]): void {
  days.forEach((raw, i) => {
    const day = (raw ?? {}) as { date?: unknown; is_working?: unknown; slots?: unknown };
    const date = String(day.date ?? '');
    if (!DATE.test(date)) throw fieldProblem(`[${i}].date`, `[${i}].date must be a date like 2026-03-05`);
    const working = day.is_working === undefined ? true : day.is_working === true || Number(day.is_working) === 1;
    setDay(ctx.store, member, date, working ? checkSlots(day.slots ?? [], `[${i}].slots`) : []);
  });
}

export const scheduleHandlers: Record<string, Handler> = {
  get_team_member_schedule(ctx) {
    const member = memberOf(ctx, idParam(ctx, 'team_member_id'));
    const dates = dateRange(ctx.pathParams.start_date, ctx.pathParams.end_date);
    return respondList(
      ctx,
      dates.map((d) => scheduleEntry(ctx.store, member, d)),
    );
  },

  update_team_member_schedule(ctx) {
    const member = memberOf(ctx, idParam(ctx, 'team_member_id'));
    const dates = dateRange(ctx.pathParams.start_date, ctx.pathParams.end_date);
    // The body's dates are set as sent; the answer is the schedule of the range in the path.
    applyDays(ctx, member, bodyDays(ctx));
    return respondList(
      ctx,
      dates.map((d) => scheduleEntry(ctx.store, member, d)),
    );
  },

  schedule_team_member_update_deprecated(ctx) {
    const member = memberOf(ctx, idParam(ctx, 'team_member_id'));
    applyDays(ctx, member, bodyDays(ctx));
    return respond(ctx, null);
  },

  get_team_member_schedule_list(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const dates = dateRange(ctx.query.start_date, ctx.query.end_date);
    const wanted = Array.isArray(ctx.query.staff_ids) ? new Set(ctx.query.staff_ids.map(Number)) : undefined;
    const include = new Set(Array.isArray(ctx.query.include) ? ctx.query.include.map(String) : []);
    const team = ctx.store.filter('staff', (s) => s.location_id === locationId && (!wanted || wanted.has(s.id)));
    const rows: Record<string, unknown>[] = [];
    for (const member of team) {
      for (const date of dates) {
        const slots = hoursOn(ctx.store, member, date);
        if (!slots.length && !include.has('off_day_type')) continue;
        const row: Record<string, unknown> = { staff_id: member.id, date, slots };
        if (include.has('busy_intervals'))
          row.busy_intervals = busyOn(ctx.store, member.id, date).map((b) => ({ from: hhmm(b.from), to: hhmm(b.to) }));
        if (include.has('off_day_type')) row.off_day_type = slots.length ? null : 'day_off';
        rows.push(row);
      }
    }
    return respondList(ctx, rows);
  },

  set_team_member_schedule(ctx) {
    const body = bodyOf(ctx) as {
      schedules_to_set?: { team_member_id: number; dates: string[]; slots: Slot[] }[];
      schedules_to_delete?: { team_member_id: number; dates: string[] }[];
    };
    const changed: { staff_id: number; date: string; slots: Slot[] }[] = [];
    (body.schedules_to_set ?? []).forEach((entry, i) => {
      const member = memberOf(ctx, entry.team_member_id, `schedules_to_set[${i}].team_member_id`);
      const slots = checkSlots(entry.slots, `schedules_to_set[${i}].slots`);
      for (const date of entry.dates) {
        if (!DATE.test(date))
          throw fieldProblem(`schedules_to_set[${i}].dates`, `${date} is not a date like 2026-03-05`);
        setDay(ctx.store, member, date, slots);
        changed.push({ staff_id: member.id, date, slots });
      }
    });
    (body.schedules_to_delete ?? []).forEach((entry, i) => {
      const member = memberOf(ctx, entry.team_member_id, `schedules_to_delete[${i}].team_member_id`);
      for (const date of entry.dates) {
        if (!DATE.test(date))
          throw fieldProblem(`schedules_to_delete[${i}].dates`, `${date} is not a date like 2026-03-05`);
        setDay(ctx.store, member, date, []);
      }
    });
    return respondList(ctx, changed);
  },

  /** The working dates of the month of `date` from that day on: the member's, or any bookable member's. */
  get_appointment_calendar_dates(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const date = String(ctx.pathParams.date);
    if (!DATE.test(date))
      throw new ApiError(400, 'date must be a date like 2026-03-05', { date: ['date must be a date like 2026-03-05'] });
    const staffId = ctx.query.staff_id === undefined ? undefined : Number(ctx.query.staff_id);
    const team =
      staffId === undefined
        ? ctx.store.filter('staff', (s) => s.location_id === locationId && !s.fired && !s.hidden)
        : [memberOf(ctx, staffId, 'staff_id')];
    const [y, m] = date.split('-').map(Number);
    const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    const dates = datesBetween(date, monthEnd).filter((d) =>
      team.some((member) => hoursOn(ctx.store, member, d).length),
    );
    return respondList(ctx, dates);
  },

  /** Start times on a day, every 15 minutes within working hours, free unless an appointment or event is there. */
  get_appointment_calendar_sessions(ctx) {
    const member = memberOf(ctx, idParam(ctx, 'team_member_id'));
    const date = String(ctx.pathParams.date);
    if (!DATE.test(date))
      throw new ApiError(400, 'date must be a date like 2026-03-05', { date: ['date must be a date like 2026-03-05'] });
    const busy = busyOn(ctx.store, member.id, date);
    const step = 15;
    const sessions: { time: string; free: boolean }[] = [];
    for (const slot of hoursOn(ctx.store, member, date)) {
      for (let t = minutesOf(slot.from); t + step <= minutesOf(slot.to); t += step) {
        sessions.push({ time: hhmm(t), free: !busy.some((b) => b.from < t + step && t < b.to) });
      }
    }
    return respondList(ctx, sessions);
  },
};
