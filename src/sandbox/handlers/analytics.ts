// Reports computed from the business's appointments, payments and working hours: the location's analytics
// (income, occupancy, appointments by day, source and status; loyalty program statistics) and team members'
// payroll (settlements, daily and period pay, schemes). Every figure follows the dates and filters of the request.
import type { Appointment, TeamMember } from '../model';
import type { Store } from '../store';
import { datesBetween, easternIso, minutesOf } from '../time';
import { ApiError } from './errors';
import type { Handler, HandlerContext } from './handler';
import { idParam } from './request';
import { respond, respondList } from './responses';
import { pathShape } from './resources/paths';
import { documentOf } from './resources/records';
import { hoursOn } from './schedules';

const USD = { id: 1, iso: 'USD', name: 'US Dollar', symbol: '$', is_symbol_after_amount: false };
const SCHEMES = pathShape('/company/{location_id}/salary/staff/{team_member_id}/salary_schemes');
const ATTENDANCE: Record<number, string> = {
  [-1]: 'Client did not come',
  0: 'Waiting',
  1: 'Client arrived',
  2: 'Client confirmed',
};

interface SalaryScheme {
  id: number;
  title: string;
  /** Share of the services a member gives, in percent. */
  services_percent: number;
  /** Share of the products a member sells, in percent. */
  goods_percent: number;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function money(n: number): string {
  return round(n).toFixed(2);
}

/** The period of the request; at most a year, and not backwards. */
function period(ctx: HandlerContext): string[] {
  const from = String(ctx.query.date_from ?? '');
  const to = String(ctx.query.date_to ?? '');
  const bad = [
    ['date_from', from],
    ['date_to', to],
  ].find(([, v]) => !/^\d{4}-\d{2}-\d{2}$/.test(v));
  if (bad)
    throw new ApiError(400, `${bad[0]} must be a date like 2026-03-01`, {
      [bad[0]]: [`${bad[0]} must be a date like 2026-03-01`],
    });
  const dates = datesBetween(from, to);
  if (!dates.length)
    throw new ApiError(422, 'date_to is before date_from', { date_to: ['date_to is before date_from'] });
  if (dates.length > 366)
    throw new ApiError(422, 'a report covers at most a year', { date_to: ['a report covers at most a year'] });
  return dates;
}

/** The team members the query narrows the report to (team_member_id / staff_id, position_id). */
function teamFilter(ctx: HandlerContext): (staffId: number | null) => boolean {
  const member = ctx.query.team_member_id ?? ctx.query.staff_id;
  const position = ctx.query.position_id;
  return (staffId) => {
    if (staffId === null) return member === undefined && position === undefined;
    if (member !== undefined && staffId !== Number(member)) return false;
    if (position !== undefined && ctx.store.get('staff', staffId)?.position_id !== Number(position)) return false;
    return true;
  };
}

function appointmentsIn(ctx: HandlerContext, dates: string[]): Appointment[] {
  const locationId = idParam(ctx, 'location_id');
  const first = dates[0];
  const last = dates[dates.length - 1];
  const member = teamFilter(ctx);
  return ctx.store.filter('appointments', (a) => {
    const day = a.datetime.slice(0, 10);
    return a.location_id === locationId && !a.deleted && day >= first && day <= last && member(a.staff_id);
  });
}

function incomeIn(ctx: HandlerContext, dates: string[]): { byDay: Map<string, number>; total: number } {
  const locationId = idParam(ctx, 'location_id');
  const member = teamFilter(ctx);
  const byDay = new Map<string, number>();
  let total = 0;
  for (const t of ctx.store.filter('financeTransactions', (x) => x.location_id === locationId && x.amount > 0)) {
    const day = t.date.slice(0, 10);
    if (day < dates[0] || day > dates[dates.length - 1] || !member(t.master_id)) continue;
    byDay.set(day, (byDay.get(day) ?? 0) + t.amount);
    total += t.amount;
  }
  return { byDay, total };
}

function previousPeriod(dates: string[]): string[] {
  const start = Date.parse(`${dates[0]}T00:00:00Z`);
  const from = new Date(start - dates.length * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(start - 86_400_000).toISOString().slice(0, 10);
  return datesBetween(from, to);
}

function change(current: number, previous: number): number {
  return previous ? Math.round(((current - previous) / previous) * 100) : current ? 100 : 0;
}

function chart(label: string, dates: string[], value: (date: string) => number) {
  return [
    {
      label,
      data: dates.map((d) => [easternIso(d, '00:00:00').replace(/(T\d\d:\d\d:\d\d)/, '$1.000'), round(value(d))]),
    },
  ];
}

function member(ctx: HandlerContext): TeamMember {
  return ctx.store.get('staff', idParam(ctx, 'team_member_id'))!;
}

function schemesOf(store: Store, m: TeamMember): SalaryScheme[] {
  return (documentOf(store, SCHEMES, `${m.location_id}/${m.id}`)?.data as SalaryScheme[] | undefined) ?? [];
}

/** What a member earned (scheme shares of services given and products sold) and was paid, by day. */
function settlements(ctx: HandlerContext, dates: string[]) {
  const m = member(ctx);
  const schemes = schemesOf(ctx.store, m);
  const servicesPercent = schemes.reduce((sum, s) => sum + s.services_percent, 0);
  const goodsPercent = schemes.reduce((sum, s) => sum + s.goods_percent, 0);
  const first = dates[0];
  const last = dates[dates.length - 1];
  const days = new Map(dates.map((d) => [d, { income: 0, expense: 0, services: 0, goods: 0 }]));
  for (const a of ctx.store.filter('appointments', (x) => x.staff_id === m.id && x.attendance === 1 && !x.deleted)) {
    const day = days.get(a.datetime.slice(0, 10));
    if (!day) continue;
    const services = a.services.reduce((sum, s) => sum + s.cost, 0);
    day.services += services;
    day.income += (services * servicesPercent) / 100;
  }
  for (const t of ctx.store.filter('goodsTransactions', (x) => x.master_id === m.id && x.type_id === 1)) {
    const day = days.get(t.create_date.slice(0, 10));
    if (!day) continue;
    day.goods += t.cost;
    day.income += (t.cost * goodsPercent) / 100;
  }
  for (const t of ctx.store.filter('financeTransactions', (x) => x.master_id === m.id && x.expense_id === 2)) {
    const day = t.date.slice(0, 10);
    if (day >= first && day <= last) days.get(day)!.expense += Math.abs(t.amount);
  }
  const total = [...days.values()].reduce(
    (sum, d) => ({
      income: sum.income + d.income,
      expense: sum.expense + d.expense,
      services: sum.services + d.services,
      goods: sum.goods + d.goods,
    }),
    { income: 0, expense: 0, services: 0, goods: 0 },
  );
  return { days, total, schemes };
}

function totalSum(t: { income: number; expense: number }) {
  return { income: money(t.income), expense: money(t.expense), balance: money(t.income - t.expense) };
}

export const analyticsHandlers: Record<string, Handler> = {
  get_location_analytics_overall(ctx) {
    const dates = period(ctx);
    const previous = previousPeriod(dates);
    const income = incomeIn(ctx, dates).total;
    const before = incomeIn(ctx, previous).total;
    const records = appointmentsIn(ctx, dates).length;
    const recordsBefore = appointmentsIn(ctx, previous).length;
    return respond(ctx, {
      income_total_stats: {
        current_sum: money(income),
        previous_sum: money(before),
        change_percent: change(income, before),
        currency: USD,
      },
      record_total_stats: {
        current_sum: records,
        previous_sum: recordsBefore,
        change_percent: change(records, recordsBefore),
      },
    });
  },

  /** Booked minutes over working minutes, per day, for the team the query selects. */
  get_location_analytics_occupancy_daily(ctx) {
    const dates = period(ctx);
    const locationId = idParam(ctx, 'location_id');
    const inTeam = teamFilter(ctx);
    const team = ctx.store.filter('staff', (s) => s.location_id === locationId && inTeam(s.id));
    const booked = new Map<string, number>();
    for (const a of appointmentsIn(ctx, dates))
      booked.set(a.datetime.slice(0, 10), (booked.get(a.datetime.slice(0, 10)) ?? 0) + a.seance_length / 60);
    return respondList(
      ctx,
      chart('Working day occupancy, %', dates, (d) => {
        const working = team.reduce(
          (sum, m) => sum + hoursOn(ctx.store, m, d).reduce((s, x) => s + minutesOf(x.to) - minutesOf(x.from), 0),
          0,
        );
        return working ? Math.min(100, ((booked.get(d) ?? 0) / working) * 100) : 0;
      }),
    );
  },

  get_location_analytics_revenue_daily(ctx) {
    const dates = period(ctx);
    const { byDay } = incomeIn(ctx, dates);
    return respondList(
      ctx,
      chart('Income', dates, (d) => byDay.get(d) ?? 0),
    );
  },

  get_location_analytics_appointments_daily(ctx) {
    const dates = period(ctx);
    const byDay = new Map<string, number>();
    for (const a of appointmentsIn(ctx, dates))
      byDay.set(a.datetime.slice(0, 10), (byDay.get(a.datetime.slice(0, 10)) ?? 0) + 1);
    return respondList(
      ctx,
      chart('Appointments', dates, (d) => byDay.get(d) ?? 0),
    );
  },

  get_appointment_analytics_by_source(ctx) {
    const list = appointmentsIn(ctx, period(ctx));
    const online = list.filter((a) => a.online).length;
    const rows = [
      { source: 'online', title: 'Online booking', count: online },
      { source: 'admin', title: 'Front desk', count: list.length - online },
    ];
    return respondList(
      ctx,
      rows.map((r) => ({ ...r, percent: list.length ? Math.round((r.count / list.length) * 100) : 0 })),
    );
  },

  get_appointment_analytics_by_status(ctx) {
    const list = appointmentsIn(ctx, period(ctx));
    return respondList(
      ctx,
      [1, 2, 0, -1].map((attendance) => {
        const count = list.filter((a) => a.attendance === attendance).length;
        return {
          attendance,
          title: ATTENDANCE[attendance],
          count,
          percent: list.length ? Math.round((count / list.length) * 100) : 0,
        };
      }),
    );
  },

  /** Income that came with each loyalty program's transactions in the period. */
  get_loyalty_program_revenue_statistics(ctx) {
    const dates = period(ctx);
    const locationId = idParam(ctx, 'location_id');
    const programId = ctx.query.loyalty_program_id === undefined ? undefined : Number(ctx.query.loyalty_program_id);
    const chainId = ctx.store.get('locations', locationId)!.chain_id;
    const programs = ctx.store.filter(
      'loyaltyPrograms',
      (p) => p.chain_id === chainId && (programId === undefined || p.id === programId),
    );
    const transactions = ctx.store.filter(
      'loyaltyTransactions',
      (t) =>
        t.location_id === locationId &&
        t.created_date.slice(0, 10) >= dates[0] &&
        t.created_date.slice(0, 10) <= dates[dates.length - 1],
    );
    return respondList(
      ctx,
      programs.map((p) => {
        const own = transactions.filter((t) => t.program_id === p.id);
        return {
          loyalty_program_id: p.id,
          title: p.title,
          transactions_count: own.length,
          amount: money(own.reduce((s, t) => s + t.amount, 0)),
          currency: USD,
        };
      }),
    );
  },

  /** Per team member: clients holding a card of the programs who came in the period, and how many came back. */
  get_loyalty_program_team_member_statistics(ctx) {
    const { holders, visits } = loyaltyVisits(ctx);
    const byMember = new Map<number, Map<number, number>>();
    for (const a of visits) {
      if (a.client_id === null || !holders.has(a.client_id)) continue;
      const clients = byMember.get(a.staff_id) ?? new Map<number, number>();
      clients.set(a.client_id, (clients.get(a.client_id) ?? 0) + 1);
      byMember.set(a.staff_id, clients);
    }
    return respondList(
      ctx,
      [...byMember].map(([staffId, clients]) => ({
        staff_id: staffId,
        name: ctx.store.get('staff', staffId)?.name ?? '',
        clients_count: clients.size,
        returned_clients_count: [...clients.values()].filter((n) => n > 1).length,
      })),
    );
  },

  /** Card holders' visits in the period. */
  get_loyalty_program_client_statistics(ctx) {
    const { holders, visits } = loyaltyVisits(ctx);
    const byClient = new Map<number, number>();
    for (const a of visits)
      if (a.client_id !== null && holders.has(a.client_id))
        byClient.set(a.client_id, (byClient.get(a.client_id) ?? 0) + 1);
    return respondList(
      ctx,
      [...byClient].map(([clientId, count]) => {
        const client = ctx.store.get('clients', clientId);
        return {
          client_id: clientId,
          name: client ? `${client.name} ${client.surname}`.trim() : '',
          visits_count: count,
        };
      }),
    );
  },

  search_team_member_calculation_salary(ctx) {
    return respond(ctx, { total_sum: totalSum(settlements(ctx, period(ctx)).total), currency: USD });
  },

  get_team_member_salary_calculation(ctx) {
    return respond(ctx, { total_sum: totalSum(settlements(ctx, period(ctx)).total), currency: USD });
  },

  search_team_member_calculation_daily_salary(ctx) {
    const { days } = settlements(ctx, period(ctx));
    return respond(ctx, {
      calculation_daily: [...days].map(([date, d]) => ({ date, total_sum: totalSum(d) })),
      currency: USD,
    });
  },

  search_team_member_period_daily_salary(ctx) {
    const { days } = settlements(ctx, period(ctx));
    return respond(ctx, {
      period_calculation_daily: [...days]
        .filter(([, d]) => d.income > 0)
        .map(([date, d]) => ({
          date,
          salary: money(d.income),
          services_sum: money(d.services),
          goods_sum: money(d.goods),
        })),
      currency: USD,
    });
  },

  search_team_member_period_salary(ctx) {
    const dates = period(ctx);
    const { total, schemes } = settlements(ctx, dates);
    return respond(ctx, periodSalary(dates, total, schemes));
  },

  get_team_member_salary_period(ctx) {
    const dates = period(ctx);
    const { total, schemes } = settlements(ctx, dates);
    return respond(ctx, periodSalary(dates, total, schemes));
  },

  get_team_member_calculation_schemes_count(ctx) {
    return respond(ctx, { count: schemesOf(ctx.store, member(ctx)).length });
  },

  get_team_member_salary_schemes(ctx) {
    return respondList(ctx, schemesOf(ctx.store, member(ctx)));
  },
};

function periodSalary(
  dates: string[],
  total: { income: number; services: number; goods: number },
  schemes: SalaryScheme[],
) {
  return {
    period_calculation: {
      date_from: dates[0],
      date_to: dates[dates.length - 1],
      salary: money(total.income),
      services_sum: money(total.services),
      goods_sum: money(total.goods),
      schemes: schemes.map((s) => ({ id: s.id, title: s.title })),
    },
    currency: USD,
  };
}

function loyaltyVisits(ctx: HandlerContext) {
  const dates = period(ctx);
  const locationId = idParam(ctx, 'location_id');
  const programId = ctx.query.loyalty_program_id === undefined ? undefined : Number(ctx.query.loyalty_program_id);
  const chainId = ctx.store.get('locations', locationId)!.chain_id;
  const types = new Set(
    ctx.store
      .filter('loyaltyPrograms', (p) => p.chain_id === chainId && (programId === undefined || p.id === programId))
      .flatMap((p) => p.card_type_ids),
  );
  const phones = new Set(
    ctx.store.filter('loyaltyCards', (c) => c.chain_id === chainId && types.has(c.type_id)).map((c) => c.phone),
  );
  const holders = new Set(
    ctx.store.filter('clients', (c) => c.location_id === locationId && phones.has(c.phone)).map((c) => c.id),
  );
  const visits = appointmentsIn(ctx, dates).filter((a) => a.attendance === 1);
  return { holders, visits };
}
