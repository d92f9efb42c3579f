// The seed business's activity: a month of appointments (March 2026) with payments and stock movements, plus
// the loyalty cards, gift cards, memberships and deposits its regular clients hold. Deterministic, like the rest.
import type {
  Appointment,
  Client,
  Deposit,
  DepositTransaction,
  GroupEvent,
  FinanceTransaction,
  GiftCard,
  GoodsTransaction,
  LoyaltyCard,
  LoyaltyTransaction,
  Membership,
  Service,
  StockDocument,
  TeamMember,
  WorkingHours,
} from '../model';
import { compactOffset, easternIso } from '../time';
import { CHAIN_ID, MANHATTAN } from './business';
import { isoWeekday } from './hours';
import { SeededRandom } from './random';

export const FIXED_RECORD_ID = 140967944;
export const FIXED_VISIT_ID = 118389447;
const OLIVIA = 4240788;
const OWNER = 12345;

export interface Activity {
  appointments: Appointment[];
  events: GroupEvent[];
  stockDocuments: StockDocument[];
  goodsTransactions: GoodsTransaction[];
  financeTransactions: FinanceTransaction[];
  loyaltyCards: LoyaltyCard[];
  loyaltyTransactions: LoyaltyTransaction[];
  giftCards: GiftCard[];
  memberships: Membership[];
  deposits: Deposit[];
  depositTransactions: DepositTransaction[];
}

export function generateActivity(
  random: SeededRandom,
  team: TeamMember[],
  services: Service[],
  clients: Client[],
  hours: WorkingHours[],
): Activity {
  const appointments = [fixedAppointment()];
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  let recordId = 140968000;
  let visitId = 118390000;
  for (let day = 1; day <= 31; day++) {
    const date = `2026-03-${pad(day)}`;
    const weekday = isoWeekday(date);
    for (const member of team) {
      // Booked only within the member's working hours that day; a day off has no appointments.
      const shift = hours.find((h) => h.staff_id === member.id && h.weekday === weekday)?.slots[0];
      if (!shift) continue;
      const dayStart = minutes(shift.from);
      const dayEnd = minutes(shift.to);
      const offered = services.filter(
        (s) => s.location_id === member.location_id && s.staff.some((l) => l.id === member.id),
      );
      const regulars = clients.filter((c) => c.location_id === member.location_id);
      if (!offered.length || !regulars.length) continue;
      // Emma's morning of 5 March belongs to the reference appointment (10:00–11:00).
      let minute = member.id === 5905 && day === 5 ? 11 * 60 : dayStart;
      // Saturday evenings end with the yoga class.
      const lastMinute = member.id === YOGA_TEACHER && weekday === 6 ? minutes(YOGA_TIME) : dayEnd;
      const count = random.int(2, 4);
      for (let n = 0; n < count; n++) {
        minute += random.pick([0, 30, 60, 90]);
        const service = random.pick(offered);
        if (minute + service.duration / 60 > lastMinute) break;
        const client = random.pick(regulars);
        const firstCost = roundTo5(random.int(service.price_min, service.price_max));
        const cost = Math.round(firstCost * (100 - client.discount)) / 100;
        const datetime = easternIso(date, `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`);
        const created = easternIso(`2026-0${day > 10 ? 3 : 2}-${pad(day > 10 ? day - 10 : day + 17)}`, '16:08:08');
        const attendance = day < 16 ? (random.chance(0.05) ? -1 : 1) : random.chance(0.5) ? 2 : 0;
        appointments.push({
          id: recordId++,
          location_id: member.location_id,
          staff_id: member.id,
          client_id: client.id,
          services: [{ id: service.id, first_cost: firstCost, discount: client.discount, cost, amount: 1 }],
          datetime,
          seance_length: service.duration,
          create_date: compactOffset(created),
          last_change_date: compactOffset(created),
          comment: '',
          online: random.chance(0.4),
          attendance,
          confirmed: attendance === 0 ? 0 : 1,
          ...bookkeeping(visitId++, attendance),
          record_labels: client.visits > 25 ? [67345] : [],
          activity_id: 0,
          clients_count: 1,
          custom_fields: {},
          deleted: false,
        });
        minute += service.duration / 60;
      }
    }
  }
  const classes = yogaClasses(random, clients);
  appointments.push(...classes.appointments);
  const finance = [...payments(appointments), walkInSalePayment()];
  const stock = stockMovements();
  const loyalty = loyaltyHoldings(random, clients);
  return { appointments, events: classes.events, ...stock, financeTransactions: finance, ...loyalty };
}

export const FIXED_EVENT_ID = 3480140;
const YOGA_TEACHER = 5907;
const YOGA_SERVICE = 2050;
const YOGA_TIME = '18:30';

/**
 * The Saturday yoga flow of March (a group event for up to 12), each with a few clients booked into it; the last
 * one is the reference event 3480140.
 */
function yogaClasses(random: SeededRandom, clients: Client[]): { events: GroupEvent[]; appointments: Appointment[] } {
  const regulars = clients.filter((c) => c.location_id === MANHATTAN);
  const saturdays = [7, 14, 21, 28];
  const events: GroupEvent[] = [];
  const appointments: Appointment[] = [];
  let recordId = 140990000;
  let visitId = 118400000;
  saturdays.forEach((day, i) => {
    const date = `2026-03-${pad(day)}`;
    const datetime = easternIso(date, `${YOGA_TIME}:00`);
    const event: GroupEvent = {
      id: FIXED_EVENT_ID - (saturdays.length - 1 - i),
      location_id: MANHATTAN,
      service_id: YOGA_SERVICE,
      staff_id: YOGA_TEACHER,
      datetime,
      length: 3600,
      capacity: 12,
      comment: 'Vinyasa flow, all levels',
      label_ids: [67347],
      resource_instance_ids: [],
      record_ids: [],
    };
    for (const client of random.sample(regulars, random.int(3, 7))) {
      const created = compactOffset(easternIso(`2026-03-${pad(day - 5)}`, '12:30:00'));
      const attendance = day < 16 ? 1 : 2;
      appointments.push({
        id: recordId,
        location_id: MANHATTAN,
        staff_id: YOGA_TEACHER,
        client_id: client.id,
        services: [{ id: YOGA_SERVICE, first_cost: 25, discount: 0, cost: 25, amount: 1 }],
        datetime,
        seance_length: 3600,
        create_date: created,
        last_change_date: created,
        comment: '',
        online: true,
        attendance,
        confirmed: 1,
        ...bookkeeping(visitId++, attendance),
        record_labels: [],
        activity_id: event.id,
        clients_count: 1,
        custom_fields: {},
        deleted: false,
      });
      event.record_ids.push(recordId++);
    }
    events.push(event);
  });
  return { events, appointments };
}

/** What every generated appointment keeps alike: reminders on, made by the owner, paid in full once attended. */
function bookkeeping(visitId: number, attendance: number) {
  return {
    sms_before: 1,
    sms_now: 1,
    email_now: 0,
    api_id: '',
    visit_id: visitId,
    created_user_id: OWNER,
    paid_full: attendance === 1 ? 1 : 0,
    custom_color: '',
  };
}

function fixedAppointment(): Appointment {
  return {
    id: FIXED_RECORD_ID,
    location_id: MANHATTAN,
    staff_id: 5905,
    client_id: OLIVIA,
    services: [{ id: 2001, first_cost: 90, discount: 10, cost: 81, amount: 1 }],
    datetime: '2026-03-05T10:00:00-05:00',
    seance_length: 3600,
    create_date: '2026-02-20T16:08:08-0500',
    last_change_date: '2026-02-20T16:08:08-0500',
    comment: '',
    online: false,
    attendance: 1,
    confirmed: 1,
    sms_before: 1,
    sms_now: 1,
    email_now: 0,
    api_id: '',
    visit_id: FIXED_VISIT_ID,
    created_user_id: OWNER,
    paid_full: 1,
    custom_color: 'f44336',
    record_labels: [67345],
    activity_id: 0,
    clients_count: 1,
    custom_fields: { patch_test_done: 'Yes' },
    deleted: false,
  };
}

/** Olivia's walk-in shampoo purchase of 5 March (document 22254960): $11.60 by card, the rest from her deposit. */
function walkInSalePayment(): FinanceTransaction {
  return {
    id: 6033940,
    location_id: MANHATTAN,
    date: '2026-03-05 11:05:00',
    expense_id: 7,
    expense_title: 'Product sale',
    account_id: 23182,
    amount: 11.6,
    client_id: OLIVIA,
    master_id: 5905,
    record_id: null,
    document_id: 22254960,
    supplier_id: 0,
    comment: '',
    last_change_date: '2026-03-05T11:05:00-0500',
  };
}

/** A payment for every appointment the client arrived at; the reference one keeps its reference id. */
function payments(appointments: Appointment[]): FinanceTransaction[] {
  let id = 9053800;
  return appointments
    .filter((a) => a.attendance === 1)
    .map((a) => {
      const reference = a.id === FIXED_RECORD_ID;
      const card = reference || a.id % 3 !== 0;
      return {
        id: reference ? 9053737 : id++,
        location_id: a.location_id,
        date: `${a.datetime.slice(0, 10)} ${a.datetime.slice(11, 16)}:00`,
        expense_id: 5,
        expense_title: 'Provision of services',
        account_id: a.location_id === MANHATTAN ? (card ? 23182 : 90218) : card ? 23183 : 90219,
        amount: a.services.reduce((sum, s) => sum + s.cost, 0),
        client_id: a.client_id,
        master_id: a.staff_id,
        record_id: a.id,
        document_id: reference ? 22254961 : null,
        supplier_id: 0,
        comment: '',
        last_change_date: compactOffset(a.datetime.replace(/T\d\d:\d\d/, 'T20:00')),
      };
    });
}

function stockMovements(): Pick<Activity, 'stockDocuments' | 'goodsTransactions'> {
  const doc = (
    id: number,
    type_id: number,
    storage_id: number,
    number: number,
    comment: string,
    create_date: string,
    extra: Partial<StockDocument> = {},
  ): StockDocument => ({
    id,
    location_id: MANHATTAN,
    type_id,
    storage_id,
    user_id: OWNER,
    number,
    comment,
    create_date,
    client_id: null,
    record_id: null,
    visit_id: null,
    ...extra,
  });
  const stockDocuments = [
    doc(22254950, 3, 36539, 1240, 'Delivery from supplier', '2026-03-01 09:00:00'),
    doc(22254951, 3, 36540, 1241, 'Consumables restock', '2026-03-01 09:20:00'),
    doc(22254960, 1, 36539, 1251, 'Walk-in sale', '2026-03-05 11:05:00', { client_id: OLIVIA }),
    doc(22254961, 7, 0, 4163, '', '2026-03-05 10:00:00', {
      client_id: OLIVIA,
      record_id: FIXED_RECORD_ID,
      visit_id: FIXED_VISIT_ID,
    }),
    doc(22254962, 1, 36539, 1252, 'Walk-in sale', '2026-03-12 17:40:00'),
    doc(22254963, 4, 36540, 1253, 'Damaged bottle', '2026-03-18 12:00:00'),
  ];
  const move = (
    id: number,
    document_id: number,
    type_id: number,
    good_id: number,
    amount: number,
    cost_per_unit: number,
    discount: number,
    storage_id: number,
    create_date: string,
    client_id: number | null = null,
    master_id: number | null = null,
  ): GoodsTransaction => ({
    id,
    location_id: MANHATTAN,
    document_id,
    type_id,
    good_id,
    amount,
    cost_per_unit,
    discount,
    cost: Math.round(Math.abs(amount) * cost_per_unit * (100 - discount)) / 100,
    storage_id,
    client_id,
    master_id,
    supplier_id: type_id === 3 ? 5101 : 0,
    operation_unit_type: 1,
    comment: '',
    create_date,
    last_change_date: `${create_date.replace(' ', 'T')}-0500`,
  });
  const goodsTransactions = [
    move(3428001, 22254950, 3, 232674, 24, 11, 0, 36539, '2026-03-01 09:00:00'),
    move(3428002, 22254950, 3, 232675, 12, 12, 0, 36539, '2026-03-01 09:00:00'),
    move(3428003, 22254951, 3, 232680, 6, 8, 0, 36540, '2026-03-01 09:20:00'),
    move(3428010, 22254960, 1, 232674, -1, 24, 10, 36539, '2026-03-05 11:05:00', OLIVIA, 5905),
    move(3428011, 22254962, 1, 232682, -1, 48, 0, 36539, '2026-03-12 17:40:00'),
    move(3428012, 22254963, 4, 232686, -1, 21, 0, 36540, '2026-03-18 12:00:00'),
  ];
  return { stockDocuments, goodsTransactions };
}

/** Cards, gift cards, memberships and deposits for the most regular clients, Olivia Brown's as in the reference. */
function loyaltyHoldings(
  random: SeededRandom,
  clients: Client[],
): Omit<Activity, 'appointments' | 'events' | 'stockDocuments' | 'goodsTransactions' | 'financeTransactions'> {
  const regulars = clients.filter((c) => c.visits >= 20 && c.id !== OLIVIA).slice(0, 12);
  const olivia = clients.find((c) => c.id === OLIVIA)!;
  const loyaltyCards: LoyaltyCard[] = regulars.map((c, i) => {
    const id = 9250486 + i;
    const sold = c.spent;
    return {
      id,
      chain_id: CHAIN_ID,
      location_id: c.location_id,
      client_id: c.id,
      phone: c.phone,
      number: cardNumber(id),
      type_id: random.pick([8230, 8230, 8231, 8232]),
      balance: Math.round(sold * 0.05 * 25) / 100,
      points: 0,
      paid_amount: Math.round(sold * 0.9),
      sold_amount: sold,
      visits_count: c.visits,
      created_date: '2025-06-01T12:00:00-04:00',
    };
  });
  // The owner James Smith is a client too, with the chain's top card.
  const james = clients.find((c) => c.phone === '13155550175');
  if (james)
    loyaltyCards.push({
      id: 9250485,
      chain_id: CHAIN_ID,
      location_id: james.location_id,
      client_id: james.id,
      phone: james.phone,
      number: cardNumber(9250485),
      type_id: 8232,
      balance: 40,
      points: 0,
      paid_amount: Math.round(james.spent * 0.9),
      sold_amount: james.spent,
      visits_count: james.visits,
      created_date: '2024-06-01T12:00:00-04:00',
    });
  loyaltyCards.push({
    id: 9250498,
    chain_id: CHAIN_ID,
    location_id: MANHATTAN,
    client_id: OLIVIA,
    phone: olivia.phone,
    number: cardNumber(9250498),
    type_id: 8230,
    balance: 12.5,
    points: 0,
    paid_amount: 1130,
    sold_amount: 1250,
    visits_count: 14,
    created_date: '2024-09-14T11:00:00-04:00',
  });
  const loyaltyTransactions: LoyaltyTransaction[] = [
    {
      id: 22985555,
      card_id: 9250498,
      chain_id: CHAIN_ID,
      location_id: MANHATTAN,
      amount: 8.45,
      title: 'Cashback',
      type_id: 2,
      program_id: 12720,
      created_date: '2026-02-10T15:00:00-05:00',
    },
    {
      id: 22985556,
      card_id: 9250498,
      chain_id: CHAIN_ID,
      location_id: MANHATTAN,
      amount: 4.05,
      title: 'Cashback',
      type_id: 2,
      program_id: 12720,
      created_date: '2026-03-05T11:02:00-05:00',
    },
  ];
  const holders = [olivia, ...regulars.slice(0, 4)];
  const giftCards: GiftCard[] = holders.slice(0, 3).map((c, i) => ({
    id: 409726 + i,
    chain_id: CHAIN_ID,
    client_id: c.id,
    number: i === 0 ? 'GC-888' : `GC-${889 + i}`,
    type_id: i === 2 ? 27842 : 27841,
    balance: i === 0 ? 100 : i === 2 ? 50 : 150,
    status_id: 2,
    created_date: '2026-01-07T16:20:05-05:00',
    expiration_date: '2027-01-06T23:59:59-05:00',
  }));
  const memberships: Membership[] = holders.slice(0, 3).map((c, i) => ({
    id: 659878 + i,
    chain_id: CHAIN_ID,
    client_id: c.id,
    number: String(788376 + i),
    type_id: i === 1 ? 97805 : 97804,
    remaining_visits: i === 0 ? 10 : 6 - i,
    is_frozen: false,
    freeze_period: 0,
    expiration_date: '2026-06-01T23:59:59-04:00',
    status_id: 1,
  }));
  const deposits: Deposit[] = holders.slice(0, 3).map((c, i) => ({
    id: 220 + i,
    chain_id: CHAIN_ID,
    client_id: c.id,
    balance: i === 0 ? 140 : 40 * (i + 1),
    type_id: 5,
    type_title: 'Prepaid balance',
  }));
  const depositTransactions: DepositTransaction[] = deposits.map((d, i) => ({
    id: 1 + i,
    deposit_id: d.id,
    location_id: MANHATTAN,
    user_id: OWNER,
    amount: i === 0 ? 150 : d.balance,
    comment: 'Top-up payment',
    date_create: `2026-01-${pad(15 + i)}T14:30:00.000000Z`,
    document_id: null,
  }));
  depositTransactions.push({
    id: 6033940,
    deposit_id: 220,
    location_id: MANHATTAN,
    user_id: OWNER,
    amount: -10,
    comment: 'Paid for document 22254960',
    date_create: '2026-03-05T16:05:00.000000Z',
    document_id: 22254960,
  });
  return { loyaltyCards, loyaltyTransactions, giftCards, memberships, deposits, depositTransactions };
}

/** Chain id and card id, zero-padded, the way the reference card number "0070602809250498" is built. */
export function cardNumber(cardId: number): string {
  return `00${CHAIN_ID}${String(cardId).padStart(8, '0')}`;
}

function roundTo5(n: number): number {
  return Math.round(n / 5) * 5;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
