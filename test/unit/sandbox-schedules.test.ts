// Scenarios of the answers that used to be canned: schedules and free times computed from working hours, the
// booking rule (working hours, overlaps, save_if_busy), settings that keep what was sent, a new location that can be
// read back, group events, and an unknown id that is a 404 rather than a success.
import * as assert from 'assert';
import { getCatalog } from '../../src/api/catalog';
import { send, sharedSandbox } from './sandbox-support';

/** The success status the document gives an operation (creates answer 200 or 201 as the docs say). */
function documented(operationId: string): number {
  return getCatalog().requireOperation(operationId).success.status;
}

type Envelope<T> = { success: boolean; data: T; meta: Record<string, unknown> & { errors?: Record<string, string[]> } };
type Day = { date: string; is_working: number; slots: { from: string; to: string }[] };

function data<T>(json: unknown): T {
  return (json as Envelope<T>).data;
}

describe('sandbox schedules, bookings and settings', () => {
  const sandbox = sharedSandbox();

  const booking = (datetime: string, extra: Record<string, unknown> = {}) => ({
    method: 'POST',
    path: '/records/720441',
    body: {
      staff_id: 5905,
      services: [{ id: 2001 }],
      client: { phone: '13155550179', name: 'Olivia Brown' },
      datetime,
      seance_length: 3600,
      ...extra,
    },
  });

  describe('working schedules', () => {
    it("answers the requested dates from the member's working week: Emma works Monday to Friday, 09:00–18:00", async () => {
      const res = await send(sandbox, { path: '/schedule/720441/5905/2026-03-06/2026-03-09' });
      assert.strictEqual(res.status, 200, res.text);
      assert.deepStrictEqual(data<Day[]>(res.json), [
        { date: '2026-03-06', is_working: 1, slots: [{ from: '09:00', to: '18:00' }] },
        { date: '2026-03-07', is_working: 0, slots: [] },
        { date: '2026-03-08', is_working: 0, slots: [] },
        { date: '2026-03-09', is_working: 1, slots: [{ from: '09:00', to: '18:00' }] },
      ]);
    });

    it('stores a changed day, which the schedule, the schedule list and the calendar then show', async () => {
      const put = await send(sandbox, {
        method: 'PUT',
        path: '/schedule/720441/5905/2026-03-07/2026-03-07',
        body: [{ date: '2026-03-07', is_working: true, slots: [{ from: '10:00', to: '14:00' }] }],
      });
      assert.strictEqual(put.status, documented('update_team_member_schedule'), put.text);
      assert.deepStrictEqual(data<Day[]>(put.json), [
        { date: '2026-03-07', is_working: 1, slots: [{ from: '10:00', to: '14:00' }] },
      ]);
      const list = data<{ staff_id: number; date: string }[]>(
        (
          await send(sandbox, {
            path: '/company/720441/staff/schedule?start_date=2026-03-07&end_date=2026-03-07&staff_ids[]=5905',
          })
        ).json,
      );
      assert.deepStrictEqual(list, [{ staff_id: 5905, date: '2026-03-07', slots: [{ from: '10:00', to: '14:00' }] }]);
      const dates = data<string[]>(
        (await send(sandbox, { path: '/timetable/dates/720441/2026-03-06?staff_id=5905' })).json,
      );
      assert.ok(dates.includes('2026-03-07'), 'the Saturday is now a working date');
      assert.ok(!dates.includes('2026-03-08'), 'the Sunday is still off');
    });

    it('marks the times of a day free or busy from its appointments', async () => {
      const sessions = data<{ time: string; free: boolean }[]>(
        (await send(sandbox, { path: '/timetable/seances/720441/5905/2026-03-05' })).json,
      );
      assert.strictEqual(sessions[0].time, '09:00');
      assert.strictEqual(sessions[sessions.length - 1].time, '17:45');
      const at = (time: string) => sessions.find((s) => s.time === time)!.free;
      assert.strictEqual(at('10:00'), false, 'the reference appointment 10:00–11:00');
      assert.strictEqual(at('10:45'), false);
    });

    it('refuses a range that ends before it starts, naming the field', async () => {
      const res = await send(sandbox, { path: '/schedule/720441/5905/2026-03-09/2026-03-01' });
      assert.strictEqual(res.status, 422);
      assert.ok((res.json as Envelope<null>).meta.errors?.end_date);
    });
  });

  describe('booking within working hours', () => {
    it('refuses a time outside working hours, and saves it with save_if_busy', async () => {
      const sunday = await send(sandbox, booking('2026-04-05T10:00:00-04:00'));
      assert.strictEqual(sunday.status, 422, sunday.text);
      assert.match((sunday.json as Envelope<null>).meta.errors!.datetime[0], /does not work on 2026-04-05/);
      const evening = await send(sandbox, booking('2026-04-06T17:30:00-04:00'));
      assert.strictEqual(evening.status, 422, 'ends at 18:30, after the 18:00 end of the day');
      const forced = await send(sandbox, booking('2026-04-05T10:00:00-04:00', { save_if_busy: true }));
      assert.strictEqual(forced.status, documented('create_appointment'), forced.text);
    });

    it('refuses an overlap with another appointment, unless save_if_busy', async () => {
      assert.strictEqual(
        (await send(sandbox, booking('2026-04-06T10:00:00-04:00'))).status,
        documented('create_appointment'),
      );
      const clash = await send(sandbox, booking('2026-04-06T10:30:00-04:00'));
      assert.strictEqual(clash.status, 422);
      assert.match((clash.json as Envelope<null>).meta.errors!.datetime[0], /busy/);
      assert.strictEqual(
        (await send(sandbox, booking('2026-04-06T10:30:00-04:00', { save_if_busy: true }))).status,
        201,
      );
    });

    it('reads the time in the location: 14:00 UTC is 10:00 in New York', async () => {
      const res = await send(sandbox, booking('2026-04-06T14:00:00Z'));
      assert.strictEqual(res.status, documented('create_appointment'), res.text);
      assert.strictEqual(data<{ date: string }>(res.json).date, '2026-04-06 14:00:00');
      const clash = await send(sandbox, booking('2026-04-06T10:15:00-04:00'));
      assert.strictEqual(clash.status, 422, 'the same hour, written with the local offset');
    });
  });

  describe('group events', () => {
    it('creates an event that the search finds, and a booking into it takes a place', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/activity/720441',
        body: { date: '2026-04-11 16:00', service_id: 2050, staff_id: 5907, capacity: 2, length: 3600, force: false },
      });
      assert.strictEqual(created.status, documented('create_event'), created.text);
      const event = data<{ id: number; records_count: number }>(created.json);
      const found = data<{ id: number }[]>(
        (await send(sandbox, { path: '/activity/720441/search?from=2026-04-11&till=2026-04-11', auth: 'partner' }))
          .json,
      );
      assert.deepStrictEqual(
        found.map((e) => e.id),
        [event.id],
      );
      const join = (phone: string, name: string) =>
        send(sandbox, {
          method: 'POST',
          path: '/records/720441',
          body: {
            staff_id: 5907,
            services: [{ id: 2050 }],
            client: { phone, name },
            datetime: '2026-04-11T16:00:00-04:00',
            seance_length: 3600,
            activity_id: event.id,
          },
        });
      assert.strictEqual(
        (await join('13155550179', 'Olivia Brown')).status,
        documented('create_appointment'),
        'shares the time of the event',
      );
      assert.strictEqual((await join('13155550175', 'James Smith')).status, documented('create_appointment'));
      const full = await join('19175550123', 'Nina Park');
      assert.strictEqual(full.status, 422);
      assert.match(String((full.json as Envelope<null>).meta.message), /full/);
      assert.strictEqual(
        data<{ records_count: number }>((await send(sandbox, { path: `/activity/720441/${event.id}` })).json)
          .records_count,
        2,
      );
    });

    it('refuses an event when the team member is not working, unless forced', async () => {
      const body = { date: '2026-04-12 16:00', service_id: 2050, staff_id: 5907, capacity: 5, force: false };
      const sunday = await send(sandbox, { method: 'POST', path: '/activity/720441', body });
      assert.strictEqual(sunday.status, 422);
      const forced = await send(sandbox, { method: 'POST', path: '/activity/720441', body: { ...body, force: true } });
      assert.strictEqual(forced.status, documented('create_event'), forced.text);
    });
  });

  describe('settings and locations', () => {
    it('keeps what a settings PATCH sent, and GET answers it; the other location is unchanged', async () => {
      const patch = await send(sandbox, {
        method: 'PATCH',
        path: '/company/720441/settings/online',
        body: {
          confirm_number: true,
          any_master: false,
          seance_delay_step: 2700,
          activity_online_record_clients_count_max: 4,
        },
      });
      assert.strictEqual(patch.status, documented('update_online_booking_settings'), patch.text);
      const manhattan = data<{ seance_delay_step: number; any_master: boolean; confirm_number: boolean }>(
        (await send(sandbox, { path: '/company/720441/settings/online' })).json,
      );
      assert.deepStrictEqual(
        { ...manhattan },
        {
          confirm_number: true,
          any_master: false,
          seance_delay_step: 2700,
          activity_online_record_clients_count_max: 4,
        },
      );
      const brooklyn = data<{ seance_delay_step: number }>(
        (await send(sandbox, { path: '/company/720442/settings/online' })).json,
      );
      assert.strictEqual(brooklyn.seance_delay_step, 1800);
    });

    it('creates a location that can then be read, changed and removed', async () => {
      const created = await send(sandbox, {
        method: 'POST',
        path: '/companies',
        body: { title: 'Bloom Beauty - Queens', country_id: 7, city_id: 181, address: 'Queens, 31-10 Steinway St' },
      });
      assert.strictEqual(created.status, documented('create_location'), created.text);
      const id = data<{ id: number }>(created.json).id;
      const read = await send(sandbox, { path: `/company/${id}` });
      assert.strictEqual(read.status, 200);
      assert.strictEqual(data<{ title: string; city: string }>(read.json).city, 'New York');
      assert.ok(
        data<{ companies: { id: number }[] }[]>((await send(sandbox, { path: '/groups' })).json)[0].companies.some(
          (l) => l.id === id,
        ),
        'the new location joins the chain',
      );
      assert.strictEqual((await send(sandbox, { method: 'DELETE', path: `/company/${id}` })).status, 204);
      assert.strictEqual((await send(sandbox, { path: `/company/${id}` })).status, 404);
    });

    it('answers 404 with the error envelope for a delete of an id nothing has', async () => {
      const res = await send(sandbox, { method: 'DELETE', path: '/record/720441/999999' });
      assert.strictEqual(res.status, 404);
      assert.deepStrictEqual(res.json, {
        success: false,
        data: null,
        meta: { message: 'Appointment 999999 not found.' },
      });
    });
  });
});
