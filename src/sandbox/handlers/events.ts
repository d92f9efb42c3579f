// Group events (activities): create, read, change, cancel and duplicate them; search them by dates, services, team
// members and resources; and the filters, services, date range and repeating schedules that belong to them.
import type { GroupEvent } from '../model';
import type { Store } from '../store';
import { datesBetween, easternIso, easternLocal, hhmm, wallClock } from '../time';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, locationRecord } from './request';
import { respond, respondList } from './responses';
import { respondPage } from './paging';
import { pathShape } from './resources/paths';
import { documentOf, entitiesOf, entityOf, scopeOf } from './resources/records';
import { availabilityProblem } from './schedules';
import { serviceView } from './services';

const SCHEDULES = pathShape('/company/{location_id}/schedules');
const SCHEDULE_DAYS = pathShape('/company/{location_id}/schedules/{schedule_id}/days');
const STRATEGIES = pathShape('/activity/{location_id}/duplication_strategy');
const RESOURCES = pathShape('/resources/{location_id}');
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MAX_COPIES = 200;

type ResourceInstance = { id: number; title: string; resource_id: number };

function resourceInstances(store: Store, locationId: number): ResourceInstance[] {
  const doc = documentOf(store, RESOURCES, String(locationId));
  const resources = (Array.isArray(doc?.data) ? doc.data : []) as { instances?: ResourceInstance[] }[];
  return resources.flatMap((r) => r.instances ?? []);
}

/** The live appointments booked into an event. */
function bookedCount(store: Store, event: GroupEvent): number {
  return event.record_ids.filter((id) => {
    const a = store.get('appointments', id);
    return a && !a.deleted;
  }).length;
}

export function eventView(store: Store, event: GroupEvent) {
  const service = store.get('services', event.service_id);
  const member = store.get('staff', event.staff_id);
  const instances = resourceInstances(store, event.location_id);
  return {
    id: event.id,
    service_id: event.service_id,
    company_id: event.location_id,
    staff_id: event.staff_id,
    date: event.datetime.replace(/(T\d\d:\d\d:\d\d)/, '$1.000'),
    length: event.length,
    capacity: event.capacity,
    records_count: bookedCount(store, event),
    color: '',
    instructions: '',
    comment: event.comment,
    stream_link: '',
    font_color: '',
    notified: false,
    prepaid: service?.prepaid ?? 'forbidden',
    service: service
      ? {
          id: service.id,
          category_id: service.category_id,
          title: service.title,
          price_min: service.price_min,
          price_max: service.price_max,
          comment: service.comment,
          image_url: '',
          salon_service_id: service.salon_service_id,
          prepaid: service.prepaid,
        }
      : undefined,
    staff: member
      ? {
          id: member.id,
          name: member.name,
          company_id: member.location_id,
          specialization: member.specialization,
          rating: member.rating,
          show_rating: member.show_rating,
          avatar: member.avatar,
        }
      : undefined,
    resource_instances: instances.filter((i) => event.resource_instance_ids.includes(i.id)),
    labels: event.label_ids
      .map((id) => store.get('tags', id))
      .filter((t) => t !== undefined)
      .map((t) => ({ id: t.id, title: t.title, color: t.color })),
  };
}

/** The short form of a duplicated event. */
function copyView(store: Store, event: GroupEvent) {
  return {
    id: event.id,
    service_id: event.service_id,
    salon_id: event.location_id,
    master_id: event.staff_id,
    date: wallClock(event.datetime),
    length: event.length,
    capacity: event.capacity,
    records_count: bookedCount(store, event),
  };
}

function eventOf(ctx: HandlerContext): GroupEvent {
  return locationRecord(ctx, 'events', 'event_id', 'Event');
}

/** "2026-10-10 15:30", "2026-10-10 15:30:00" or an ISO timestamp → ISO with the New York offset. */
function eventDatetime(raw: unknown): string {
  const text = String(raw ?? '').trim();
  const wall = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(text);
  if (wall) return easternIso(wall[1], `${wall[2]}${wall[3] ?? ':00'}`);
  const local = easternLocal(text);
  if (local) return easternIso(local.date, `${hhmm(local.minute)}:00`);
  throw fieldProblem('date', 'date must be a date and time like 2026-10-10 15:30');
}

/** Checks an event body (whole for a create, the sent fields for a change) and returns the fields to store. */
function eventFields(
  ctx: HandlerContext,
  body: Record<string, unknown>,
  current?: GroupEvent,
): Omit<GroupEvent, 'id' | 'record_ids'> {
  const locationId = idParam(ctx, 'location_id');
  const errors: Record<string, string[]> = {};
  const serviceId = has(body, 'service_id') ? Number(body.service_id) : current?.service_id;
  const staffId = has(body, 'staff_id') ? Number(body.staff_id) : current?.staff_id;
  const service = serviceId === undefined ? undefined : ctx.store.get('services', serviceId);
  if (!service || service.location_id !== locationId)
    errors.service_id = [`service_id ${String(serviceId)} is not a service of location ${locationId}`];
  const member = staffId === undefined ? undefined : ctx.store.get('staff', staffId);
  if (!member || member.location_id !== locationId)
    errors.staff_id = [`staff_id ${String(staffId)} is not a team member of location ${locationId}`];
  const capacity = has(body, 'capacity') ? Number(body.capacity) : (current?.capacity ?? 1);
  if (!Number.isInteger(capacity) || capacity < 1) errors.capacity = ['capacity must be at least 1'];
  const length = has(body, 'length') ? Number(body.length) : (current?.length ?? service?.duration ?? 3600);
  if (!Number.isInteger(length) || length < 300 || length > 86100)
    errors.length = ['length must be between 300 and 86100 seconds'];
  const instances = new Set(resourceInstances(ctx.store, locationId).map((i) => i.id));
  const resourceIds = has(body, 'resource_instance_ids')
    ? (body.resource_instance_ids as number[])
    : (current?.resource_instance_ids ?? []);
  const unknownResources = resourceIds.filter((id) => !instances.has(id));
  if (unknownResources.length)
    errors.resource_instance_ids = [
      `resource instances ${unknownResources.join(', ')} are not at location ${locationId}`,
    ];
  const labelIds = has(body, 'label_ids') ? (body.label_ids as number[]) : (current?.label_ids ?? []);
  const badLabels = labelIds.filter((id) => ctx.store.get('tags', id)?.location_id !== locationId);
  if (badLabels.length) errors.label_ids = [`label_ids ${badLabels.join(', ')} are not tags of location ${locationId}`];
  if (!has(body, 'date') && !current) errors.date = ['date is required'];
  if (Object.keys(errors).length) throw new ApiError(422, Object.values(errors)[0][0], errors);
  const datetime = has(body, 'date') ? eventDatetime(body.date) : current!.datetime;
  if (current && current.record_ids.length > capacity)
    throw fieldProblem('capacity', `capacity ${capacity} is less than the ${current.record_ids.length} clients booked`);
  if (body.force !== true) {
    const problem = availabilityProblem(ctx.store, member!, datetime, length, { activityId: current?.id });
    if (problem) throw fieldProblem('date', problem.replace('save_if_busy', 'force'));
  }
  return {
    location_id: locationId,
    service_id: service!.id,
    staff_id: member!.id,
    datetime,
    length,
    capacity,
    comment: has(body, 'comment') ? String(body.comment ?? '') : (current?.comment ?? ''),
    label_ids: labelIds,
    resource_instance_ids: resourceIds,
  };
}

function insertEvent(store: Store, fields: Omit<GroupEvent, 'id' | 'record_ids'>): GroupEvent {
  return store.insert('events', { id: store.nextId('events'), ...fields, record_ids: [] });
}

function dateBound(value: unknown, name: string): string {
  const text = String(value ?? '');
  if (!/^\d{4}-\d{2}-\d{2}/.test(text))
    throw new ApiError(400, `${name} must be a date like 2026-03-01`, {
      [name]: [`${name} must be a date like 2026-03-01`],
    });
  return text.slice(0, 10);
}

function idList(value: unknown): Set<number> | undefined {
  if (value === undefined) return undefined;
  return new Set((Array.isArray(value) ? value : [value]).map(Number));
}

/** The events of a location in a date range, with the query's filters, by start time. */
function eventsBetween(ctx: HandlerContext, from: string, till: string): GroupEvent[] {
  const locationId = idParam(ctx, 'location_id');
  const services = idList(ctx.query.service_ids ?? ctx.query.service_id);
  const staff = idList(ctx.query.staff_ids ?? ctx.query.staff_id);
  const resources = idList(ctx.query.resource_ids);
  const instancesOf = new Map(resourceInstances(ctx.store, locationId).map((i) => [i.id, i.resource_id]));
  return ctx.store
    .filter('events', (e) => {
      const day = easternLocal(e.datetime)?.date ?? '';
      return (
        e.location_id === locationId &&
        day >= from &&
        day <= till &&
        (!services || services.has(e.service_id)) &&
        (!staff || staff.has(e.staff_id)) &&
        (!resources || e.resource_instance_ids.some((i) => resources.has(instancesOf.get(i) ?? -1) || resources.has(i)))
      );
    })
    .sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime) || a.id - b.id);
}

/** The dates an event repeats on, from the body's own settings or a saved duplication strategy. */
function repeatDates(ctx: HandlerContext, event: GroupEvent): string[] {
  const body = bodyOf(ctx) as {
    duplication_strategy_id?: number | null;
    repeat_mode_id?: number | null;
    interval?: number | null;
    days?: number[] | null;
    from?: string | null;
    till?: string | null;
    count?: number | null;
  };
  let { repeat_mode_id: mode, interval, days } = body;
  if (body.duplication_strategy_id) {
    const strategy = entityOf(ctx.store, STRATEGIES, String(event.location_id), Number(body.duplication_strategy_id));
    if (!strategy)
      throw fieldProblem(
        'duplication_strategy_id',
        `duplication_strategy_id ${body.duplication_strategy_id} is not a strategy of location ${event.location_id}`,
      );
    const saved = strategy.data as { repeat_mode_id?: number; interval?: number; days?: number[] };
    mode ??= saved.repeat_mode_id;
    interval ??= saved.interval;
    days ??= saved.days;
  }
  mode ??= 5;
  const step = Math.max(1, interval ?? 1);
  const start = body.from ? dateBound(body.from, 'from') : easternLocal(event.datetime)!.date;
  const count = body.count ?? undefined;
  if (!body.till && !count) throw fieldProblem('till', 'send till or count to say how far to repeat');
  const till = body.till ? dateBound(body.till, 'till') : '9999-12-31';
  const weekdaysOf: Record<number, number[]> = { 2: [1, 2, 3, 4, 5], 3: [1, 3, 5], 4: [2, 4] };
  const eventDay = easternLocal(event.datetime)!.date;
  const out: string[] = [];
  const limit = datesBetween(start, till === '9999-12-31' ? addDays(start, 3 * 366) : till);
  for (const [i, date] of limit.entries()) {
    if (out.length >= (count ?? MAX_COPIES)) break;
    if (date === eventDay) continue;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const weekIndex = Math.floor(i / 7);
    const matches =
      mode === 1
        ? i % step === 0
        : mode === 2 || mode === 3 || mode === 4
          ? weekdaysOf[mode].includes(weekday)
          : mode === 5
            ? (days?.length ? days : [new Date(`${eventDay}T00:00:00Z`).getUTCDay()]).includes(weekday) &&
              weekIndex % step === 0
            : mode === 6
              ? date.slice(8) === eventDay.slice(8)
              : date.slice(5) === eventDay.slice(5);
    if (matches) out.push(date);
  }
  return out;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export const eventHandlers: Record<string, Handler> = {
  get_event(ctx) {
    return respond(ctx, eventView(ctx.store, eventOf(ctx)));
  },

  create_event(ctx) {
    return respond(ctx, eventView(ctx.store, insertEvent(ctx.store, eventFields(ctx, bodyOf(ctx)))));
  },

  update_event(ctx) {
    const event = eventOf(ctx);
    const updated = ctx.store.update('events', event.id, eventFields(ctx, bodyOf(ctx), event))!;
    // The clients booked into it move with it.
    for (const id of updated.record_ids)
      ctx.store.update('appointments', id, {
        datetime: updated.datetime,
        staff_id: updated.staff_id,
        seance_length: updated.length,
      });
    return respond(ctx, eventView(ctx.store, updated));
  },

  /** Cancels the event and the appointments booked into it. */
  delete_event(ctx) {
    const event = eventOf(ctx);
    for (const id of event.record_ids) ctx.store.update('appointments', id, { deleted: true });
    ctx.store.remove('events', event.id);
    return respond(ctx, null);
  },

  duplicate_event(ctx) {
    const event = eventOf(ctx);
    const body = bodyOf(ctx) as {
      hours?: number | null;
      minutes?: number | null;
      force?: boolean | null;
      content_type?: number | null;
    };
    const local = easternLocal(event.datetime)!;
    const time = hhmm(
      (body.hours ?? Math.floor(local.minute / 60)) * 60 +
        (body.minutes ?? (body.hours == null ? local.minute % 60 : 0)),
    );
    const member = ctx.store.get('staff', event.staff_id)!;
    const copies: GroupEvent[] = [];
    // Either explicit times (`dates`: ["2026-10-03T13:30:00", …]) or a repeat rule.
    const explicit = bodyOf(ctx).dates;
    const datetimes = Array.isArray(explicit)
      ? explicit.map((raw, i) => {
          try {
            return eventDatetime(raw);
          } catch {
            throw fieldProblem(`dates[${i}]`, `dates[${i}] must be a date and time like 2026-10-03T13:30:00`);
          }
        })
      : repeatDates(ctx, event).map((date) => easternIso(date, `${time}:00`));
    for (const datetime of datetimes) {
      const date = datetime.slice(0, 10);
      if (!body.force) {
        const problem = availabilityProblem(ctx.store, member, datetime, event.length);
        if (problem) throw fieldProblem('force', `${date}: ${problem.replace('save_if_busy', 'force')}`);
      }
      const { id: _id, record_ids: _records, ...fields } = event;
      copies.push(insertEvent(ctx.store, { ...fields, datetime }));
    }
    return respondList(
      ctx,
      copies.map((c) => copyView(ctx.store, c)),
    );
  },

  search_events(ctx) {
    const list = eventsBetween(ctx, dateBound(ctx.query.from, 'from'), dateBound(ctx.query.till, 'till'));
    return respondPage(ctx, list, (e) => eventView(ctx.store, e));
  },

  search_event_dates(ctx) {
    const list = eventsBetween(ctx, dateBound(ctx.query.from, 'from'), dateBound(ctx.query.till, 'till'));
    return respondList(ctx, [...new Set(list.map((e) => easternLocal(e.datetime)!.date))]);
  },

  get_event_date_range(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const days = ctx.store
      .filter('events', (e) => e.location_id === locationId)
      .map((e) => easternLocal(e.datetime)!.date)
      .sort();
    return respond(ctx, { min_date: days[0] ?? null, max_date: days[days.length - 1] ?? null });
  },

  /** The services, team members and resources the location's events use: what the event search can filter by. */
  get_event_search_filters(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const events = ctx.store.filter('events', (e) => e.location_id === locationId);
    const services = [...new Set(events.map((e) => e.service_id))]
      .map((id) => ctx.store.get('services', id))
      .filter((s) => s !== undefined);
    const staff = [...new Set(events.map((e) => e.staff_id))]
      .map((id) => ctx.store.get('staff', id))
      .filter((s) => s !== undefined);
    const used = new Set(events.flatMap((e) => e.resource_instance_ids));
    const resources = resourceInstances(ctx.store, locationId).filter((i) => used.has(i.id));
    return respond(ctx, {
      services: services.map((s) => ({ id: s.id, title: s.title })),
      staff: staff.map((s) => ({ id: s.id, name: s.name })),
      resources: resources.map((r) => ({ id: r.id, title: r.title, resource_id: r.resource_id })),
    });
  },

  /** Services given as group events at the location, with who gives them. */
  search_event_services(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const events = ctx.store.filter('events', (e) => e.location_id === locationId);
    const term = typeof ctx.query.term === 'string' ? ctx.query.term.toLowerCase() : '';
    const staffId = ctx.query.staff_id === undefined ? undefined : Number(ctx.query.staff_id);
    const rows = [...new Set(events.map((e) => e.service_id))]
      .map((id) => ctx.store.get('services', id))
      .filter((s) => s !== undefined && s.title.toLowerCase().includes(term))
      .filter((s) => staffId === undefined || s!.staff.some((l) => l.id === staffId))
      .map((s) => {
        const service = serviceView(s!);
        const category = ctx.store.get('serviceCategories', s!.category_id);
        const instances = new Set(events.filter((e) => e.service_id === s!.id).flatMap((e) => e.resource_instance_ids));
        return {
          id: service.id,
          title: service.title,
          capacity: Math.max(...events.filter((e) => e.service_id === s!.id).map((e) => e.capacity)),
          price_min: service.price_min,
          price_max: service.price_max,
          is_multi: true,
          category: { id: category?.id ?? 0, title: category?.title ?? '' },
          staff: s!.staff.map((l) => ({
            id: l.id,
            name: ctx.store.get('staff', l.id)?.name ?? '',
            length: l.seance_length,
          })),
          resources: resourceInstances(ctx.store, locationId)
            .filter((i) => instances.has(i.id))
            .map((i) => ({ id: i.resource_id, title: i.title, salon_id: locationId })),
        };
      });
    return respondList(ctx, rows);
  },

  /** The events a repeating schedule's day produced: same team member, weekday and time, up to the schedule's end. */
  list_timetable_schedule_day_events(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const schedule = entityOf(ctx.store, SCHEDULES, String(locationId), idParam(ctx, 'schedule_id'))!;
    const day = entityOf(
      ctx.store,
      SCHEDULE_DAYS,
      scopeOf(ctx.pathParams, ['location_id', 'schedule_id']),
      idParam(ctx, 'day_id'),
    )!;
    const data = day.data as {
      day_of_week?: string;
      events_time?: string;
      events_master?: { id?: number };
      events_master_id?: number;
    };
    const end = String((schedule.data as { date_end?: string }).date_end ?? '9999-12-31');
    const masterId = data.events_master?.id ?? data.events_master_id;
    const events = ctx.store
      .filter('events', (e) => {
        const local = easternLocal(e.datetime)!;
        return (
          e.location_id === locationId &&
          e.staff_id === masterId &&
          WEEKDAYS[new Date(`${local.date}T00:00:00Z`).getUTCDay()] === data.day_of_week &&
          hhmm(local.minute) === String(data.events_time ?? '').slice(0, 5) &&
          local.date <= end
        );
      })
      .sort((a, b) => Date.parse(a.datetime) - Date.parse(b.datetime));
    return respondList(
      ctx,
      events.map((e) => eventView(ctx.store, e)),
    );
  },

  search_timetable_event_schedules_by_event(ctx) {
    const locationId = idParam(ctx, 'location_id');
    const type = String(ctx.pathParams.entity_type);
    const entityId = idParam(ctx, 'entity_id');
    const found = entitiesOf(ctx.store, [SCHEDULES], String(locationId)).find((r) => {
      const data = r.data as { original_entity_type?: string; original_entity_id?: number };
      return data.original_entity_type === type && data.original_entity_id === entityId;
    });
    if (!found) throw new ApiError(404, `No repeating schedule was made from ${type} ${entityId}.`);
    return respond(ctx, found.data);
  },
};
