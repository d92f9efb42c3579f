// Appointments (records) of a location: list with filters and page/count, create, read, replace and delete.
// A new appointment books an existing client by phone or creates the client, as Altegio does.
import type { Appointment, AppointmentService, Client, StockDocument } from '../model';
import type { Store } from '../store';
import { compactOffset, nowEastern, wallClock } from '../time';
import { clientByPhone, fullName } from './client-view';
import { newClient } from './clients';
import { ApiError, fieldProblem } from './errors';
import type { Handler, HandlerContext } from './handler';
import { bodyOf, has, idParam, pathRecord } from './request';
import { respond } from './responses';
import { respondPage } from './paging';
import { availabilityProblem } from './schedules';
import { teamMemberSummary } from './staff';

interface AppointmentBody {
  staff_id: number;
  services: { id?: number; first_cost?: number; discount?: number; cost?: number }[];
  client: { phone?: string; name?: string; email?: string };
  datetime: string;
  seance_length: number;
  save_if_busy?: boolean | null;
  comment?: string | null;
  api_id?: string | null;
  attendance?: number | null;
  custom_color?: string | null;
  record_labels?: number[] | null;
  activity_id?: number | null;
  clients_count?: number | null;
  custom_fields?: Record<string, unknown> | null;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)$/;

/** Arrived and no-show counts per client, over all appointments (rebuilt only after appointments change). */
function visitCounts(store: Store): Map<number, { success: number; fail: number }> {
  return store.derived('appointments.visitCountsByClient', ['appointments'], () => {
    const counts = new Map<number, { success: number; fail: number }>();
    for (const x of store.list('appointments')) {
      if (x.deleted || x.client_id === null) continue;
      const c = counts.get(x.client_id) ?? { success: 0, fail: 0 };
      if (x.attendance === 1) c.success++;
      if (x.attendance === -1) c.fail++;
      counts.set(x.client_id, c);
    }
    return counts;
  });
}

/** Stock documents by the appointment they belong to. */
function documentsByRecord(store: Store): Map<number, StockDocument[]> {
  return store.derived('stockDocuments.byRecord', ['stockDocuments'], () => {
    const byRecord = new Map<number, StockDocument[]>();
    for (const d of store.list('stockDocuments'))
      if (d.record_id !== null) byRecord.set(d.record_id, [...(byRecord.get(d.record_id) ?? []), d]);
    return byRecord;
  });
}

/** A location's appointments (deleted ones too) in the order lists show them: by start time, then id. */
export function appointmentsByLocation(store: Store, locationId: number): readonly Appointment[] {
  const index = store.derived('appointments.byLocation', ['appointments'], () => {
    const byLocation = new Map<number, { at: number; a: Appointment }[]>();
    for (const a of store.list('appointments')) {
      const list = byLocation.get(a.location_id) ?? [];
      list.push({ at: Date.parse(a.datetime), a });
      byLocation.set(a.location_id, list);
    }
    const sorted = new Map<number, Appointment[]>();
    for (const [id, list] of byLocation) {
      list.sort((x, y) => x.at - y.at || x.a.id - y.a.id);
      sorted.set(
        id,
        list.map((x) => x.a),
      );
    }
    return sorted;
  });
  return index.get(locationId) ?? [];
}

/** Builds appointment views for one answer; the per-client and per-record lookups come from store indexes. */
export function appointmentViewer(store: Store): (a: Appointment) => Record<string, unknown> {
  const countsOf = (clientId: number) => visitCounts(store).get(clientId) ?? { success: 0, fail: 0 };
  const documentsOf = (recordId: number) => documentsByRecord(store).get(recordId) ?? [];
  // One object literal with every field, rather than spreads: views of the same shape share one hidden class, which
  // keeps building and serialising a page of fifty cheap. An undefined field is left out of the JSON.
  return (a) => {
    const member = store.get('staff', a.staff_id);
    const client = a.client_id === null ? undefined : store.get('clients', a.client_id);
    const counts = client ? countsOf(client.id) : undefined;
    return {
      id: a.id,
      company_id: a.location_id,
      staff_id: a.staff_id,
      services: a.services.map((s) => ({
        id: s.id,
        title: store.get('services', s.id)?.title ?? 'Service',
        cost: s.cost,
        manual_cost: s.cost,
        cost_per_unit: s.first_cost,
        discount: s.discount,
        first_cost: s.first_cost,
        amount: s.amount,
      })),
      goods_transactions: [],
      staff: member
        ? teamMemberSummary(store, member)
        : { id: a.staff_id, name: 'Former team member', specialization: '', avatar: '', rating: 0, votes_count: 0 },
      client:
        client && counts
          ? {
              id: client.id,
              name: fullName(client),
              phone: `+${client.phone}`,
              card: client.card,
              email: client.email,
              success_visits_count: counts.success,
              fail_visits_count: counts.fail,
            }
          : undefined,
      date: wallClock(a.datetime),
      datetime: a.datetime,
      create_date: a.create_date,
      comment: a.comment,
      online: a.online,
      visit_attendance: a.attendance,
      attendance: a.attendance,
      confirmed: a.confirmed,
      seance_length: a.seance_length,
      length: a.seance_length,
      sms_before: a.sms_before,
      sms_now: a.sms_now,
      sms_now_text: '',
      email_now: a.email_now,
      notified: 0,
      master_request: 1,
      api_id: a.api_id,
      from_url: '',
      review_requested: 0,
      visit_id: a.visit_id,
      created_user_id: a.created_user_id,
      deleted: a.deleted,
      paid_full: a.paid_full,
      prepaid: false,
      prepaid_confirmed: false,
      last_change_date: a.last_change_date,
      custom_color: a.custom_color,
      custom_font_color: '',
      record_labels: a.record_labels,
      activity_id: a.activity_id,
      custom_fields: a.custom_fields,
      documents: documentsOf(a.id).map((d) => ({
        id: d.id,
        type_id: d.type_id,
        type_title: 'Visit',
        storage_id: d.storage_id,
        user_id: d.user_id,
        company_id: d.location_id,
        number: d.number,
        comment: d.comment,
        date_created: d.create_date,
        category_id: 0,
        visit_id: d.visit_id ?? 0,
        record_id: a.id,
      })),
      clients_count: a.clients_count,
    };
  };
}

function appointmentOf(ctx: HandlerContext): Appointment {
  return pathRecord(
    ctx,
    'appointments',
    'record_id',
    'Appointment',
    (a) => !a.deleted && a.location_id === idParam(ctx, 'location_id'),
  );
}

/** The fields of a full create/replace body, after checking everything it refers to. */
function appointmentFields(
  ctx: HandlerContext,
  body: AppointmentBody,
  selfId?: number,
): Omit<Appointment, 'id' | 'visit_id' | 'create_date' | 'created_user_id' | 'deleted'> {
  const locationId = idParam(ctx, 'location_id');
  const errors: Record<string, string[]> = {};
  const member = ctx.store.get('staff', body.staff_id);
  if (!member || member.location_id !== locationId)
    errors.staff_id = [`staff_id ${body.staff_id} is not a team member of location ${locationId}`];
  if (body.services.length === 0) errors.services = ['services must name at least one service'];
  const services: AppointmentService[] = body.services.map((s, i) => {
    const service = s.id === undefined ? undefined : ctx.store.get('services', s.id);
    if (!service || service.location_id !== locationId)
      errors[`services[${i}].id`] = [`services[${i}].id ${String(s.id)} is not a service of location ${locationId}`];
    const firstCost = s.first_cost ?? service?.price_min ?? 0;
    const discount = s.discount ?? 0;
    return {
      id: s.id ?? 0,
      first_cost: firstCost,
      discount,
      cost: s.cost ?? Math.round(firstCost * (100 - discount)) / 100,
      amount: 1,
    };
  });
  if (!ISO_WITH_OFFSET.test(body.datetime) || Number.isNaN(Date.parse(body.datetime))) {
    errors.datetime = ['datetime must be a date and time with an offset, like 2026-03-05T10:00:00-05:00'];
  }
  if (body.seance_length < 300 || body.seance_length > 86100)
    errors.seance_length = ['seance_length must be between 300 and 86100 seconds'];
  const labels = body.record_labels ?? [];
  const badLabels = labels.filter((id) => {
    const tag = ctx.store.get('tags', id);
    return !tag || tag.location_id !== locationId || (tag.entity !== 2 && tag.entity !== 0);
  });
  if (badLabels.length)
    errors.record_labels = [`record_labels ${badLabels.join(', ')} are not appointment tags of location ${locationId}`];
  if (Object.keys(errors).length) {
    throw new ApiError(422, Object.values(errors)[0][0], errors);
  }
  const event = body.activity_id ? ctx.store.get('events', body.activity_id) : undefined;
  if (body.activity_id && (!event || event.location_id !== locationId))
    throw fieldProblem('activity_id', `activity_id ${body.activity_id} is not a group event of location ${locationId}`);
  if (event && selfId === undefined) {
    const booked = event.record_ids.filter((id) => ctx.store.get('appointments', id)?.deleted === false).length;
    if (booked >= event.capacity)
      throw fieldProblem('activity_id', `group event ${event.id} is full (${event.capacity} places)`);
  }
  if (!body.save_if_busy) {
    // Altegio refuses a time outside the member's working hours or taken by another booking, unless told to save
    // anyway; a booking into a group event shares the event's time.
    const problem = availabilityProblem(ctx.store, member!, body.datetime, body.seance_length, {
      recordId: selfId,
      activityId: body.activity_id ?? undefined,
    });
    if (problem) throw fieldProblem('datetime', problem);
  }
  return {
    location_id: locationId,
    staff_id: body.staff_id,
    client_id: bookClient(ctx, body.client).id,
    services,
    datetime: body.datetime,
    seance_length: body.seance_length,
    last_change_date: compactOffset(nowEastern()),
    comment: body.comment ?? '',
    online: false,
    attendance: body.attendance ?? 0,
    confirmed: 1,
    sms_before: 1,
    sms_now: 1,
    email_now: 0,
    api_id: body.api_id ?? '',
    paid_full: 0,
    custom_color: body.custom_color ?? '',
    record_labels: labels,
    activity_id: body.activity_id ?? 0,
    clients_count: body.clients_count ?? 1,
    custom_fields: body.custom_fields ?? {},
  };
}

/** The client an appointment is for: found by phone in the location, or created from the body's name and email. */
function bookClient(ctx: HandlerContext, data: AppointmentBody['client']): Client {
  if (!has(data, 'phone') || !data.phone) throw fieldProblem('client.phone', 'client.phone is required');
  const existing = clientByPhone(ctx.store, idParam(ctx, 'location_id'), data.phone);
  if (existing) return existing;
  if (!data.name?.trim())
    throw fieldProblem('client.name', `client.name is required: no client with phone ${data.phone} exists yet`);
  const [name, ...surname] = data.name.trim().split(/\s+/);
  return ctx.store.insert(
    'clients',
    newClient(ctx, {
      name,
      surname: surname.join(' '),
      phone: data.phone.replace(/[^0-9]/g, ''),
      email: data.email ?? '',
    }),
  );
}

function inRange(value: string, from: unknown, to: unknown): boolean {
  return (from === undefined || value >= String(from)) && (to === undefined || value <= String(to));
}

export const appointmentHandlers: Record<string, Handler> = {
  get_appointment_list(ctx) {
    const q = ctx.query;
    const withDeleted = q.with_deleted === 1 || q.with_deleted === true;
    const changedAfter = q.changed_after === undefined ? undefined : Date.parse(String(q.changed_after));
    const changedBefore = q.changed_before === undefined ? undefined : Date.parse(String(q.changed_before));
    const changedAt = (a: Appointment) => Date.parse(a.last_change_date.replace(/(\d\d)(\d\d)$/, '$1:$2'));
    const list = appointmentsByLocation(ctx.store, idParam(ctx, 'location_id')).filter(
      (a) =>
        (!a.deleted || withDeleted) &&
        (q.staff_id === undefined || a.staff_id === q.staff_id) &&
        (q.client_id === undefined || a.client_id === q.client_id) &&
        (q.created_user_id === undefined || a.created_user_id === q.created_user_id) &&
        inRange(a.datetime.slice(0, 10), q.start_date, q.end_date) &&
        inRange(a.create_date.slice(0, 10), q.c_start_date, q.c_end_date) &&
        (changedAfter === undefined || changedAt(a) >= changedAfter) &&
        (changedBefore === undefined || changedAt(a) <= changedBefore),
    );
    return respondPage(ctx, list, appointmentViewer(ctx.store));
  },

  create_appointment(ctx) {
    const fields = appointmentFields(ctx, bodyOf(ctx) as unknown as AppointmentBody);
    const appointment = ctx.store.insert('appointments', {
      ...fields,
      id: ctx.store.nextId('appointments'),
      visit_id: nextVisitId(ctx.store),
      create_date: fields.last_change_date,
      created_user_id: ctx.user?.id ?? 0,
      deleted: false,
      via_api: true,
    });
    const event = appointment.activity_id ? ctx.store.get('events', appointment.activity_id) : undefined;
    if (event) ctx.store.update('events', event.id, { record_ids: [...event.record_ids, appointment.id] });
    return respond(ctx, appointmentViewer(ctx.store)(appointment));
  },

  get_appointment(ctx) {
    return respond(ctx, appointmentViewer(ctx.store)(appointmentOf(ctx)));
  },

  update_appointment(ctx) {
    const current = appointmentOf(ctx);
    const fields = appointmentFields(ctx, bodyOf(ctx) as unknown as AppointmentBody, current.id);
    return respond(ctx, appointmentViewer(ctx.store)(ctx.store.update('appointments', current.id, fields)!));
  },

  delete_appointment(ctx) {
    // Kept as deleted, so that `with_deleted=1` still lists it, as in Altegio.
    ctx.store.update('appointments', appointmentOf(ctx).id, {
      deleted: true,
      last_change_date: compactOffset(nowEastern()),
    });
    return respond(ctx, null);
  },
};

function nextVisitId(store: Store): number {
  return (
    store.derived('appointments.maxVisitId', ['appointments'], () =>
      store.list('appointments').reduce((max, a) => Math.max(max, a.visit_id), 0),
    ) + 1
  );
}
