// About two hundred clients for the two locations, generated deterministically: realistic names, unique
// fictional US phones (555-01xx numbers are reserved for fiction), emails, birthdays, tags and spending.
import type { Client } from '../model';
import { BROOKLYN, MANHATTAN } from './business';
import { SeededRandom } from './random';

const FEMALE = [
  'Olivia',
  'Emma',
  'Ava',
  'Sophia',
  'Isabella',
  'Mia',
  'Amelia',
  'Harper',
  'Evelyn',
  'Abigail',
  'Emily',
  'Ella',
  'Elizabeth',
  'Camila',
  'Luna',
  'Sofia',
  'Avery',
  'Mila',
  'Aria',
  'Scarlett',
  'Penelope',
  'Layla',
  'Chloe',
  'Victoria',
  'Madison',
  'Eleanor',
  'Grace',
  'Nora',
  'Riley',
  'Zoey',
  'Hannah',
  'Hazel',
  'Lily',
  'Ellie',
  'Violet',
  'Lillian',
  'Zoe',
  'Stella',
  'Aurora',
  'Natalie',
  'Emilia',
  'Leah',
  'Maya',
  'Claire',
  'Lucy',
  'Anna',
];
const MALE = [
  'Liam',
  'Noah',
  'Oliver',
  'Elijah',
  'James',
  'William',
  'Benjamin',
  'Lucas',
  'Henry',
  'Theodore',
  'Jack',
  'Levi',
  'Alexander',
  'Jackson',
  'Mateo',
  'Daniel',
  'Michael',
  'Mason',
  'Sebastian',
  'Ethan',
  'Logan',
  'Owen',
];
const SURNAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Kim',
  'Chen',
  'Patel',
  'Cohen',
  'Murphy',
];
const MANHATTAN_AREAS = ['212', '646', '917', '315', '332'];
const BROOKLYN_AREAS = ['718', '347', '929'];
const ALLERGIES = ['None', 'Latex', 'Nickel', 'Fragrance', 'None', 'None', 'PPD (hair dye)'];
const REFERRALS = ['Instagram', 'Friend', 'Walk-in', 'Google'];

export const MANHATTAN_CLIENTS = 150;
export const BROOKLYN_CLIENTS = 50;
const MANHATTAN_FIRST_ID = 4240640;
const BROOKLYN_FIRST_ID = 4240900;

/** The clients the reference data and the OpenAPI examples name, pinned to fixed places in the generated list. */
const PINNED: Record<number, Partial<Client>> = {
  0: {
    name: 'James',
    surname: 'Smith',
    phone: '13155550175',
    email: 'j.smith@example.com',
    gender_id: 1,
    birth_date: '1984-06-12',
  },
  148: {
    name: 'Olivia',
    surname: 'Brown',
    phone: '13155550179',
    email: 'olivia.brown@example.com',
    category_ids: [101],
    gender_id: 2,
    discount: 10,
    importance_id: 2,
    card: '555888666',
    birth_date: '1990-03-03',
    comment: 'Prefers morning appointments',
    sms_check: 1,
    sms_not: 0,
    spent: 1250,
    balance: 0,
    visits: 14,
    first_visit_date: '2024-09-14',
    last_visit_date: '2026-03-05',
    last_change_date: '2026-05-01T12:00:00-0500',
    custom_fields: { allergies: 'None' },
  },
};

export function generateClients(random: SeededRandom): Client[] {
  const usedPhones = new Set(Object.values(PINNED).map((p) => p.phone!));
  const usedEmails = new Set<string>();
  const phoneFor = (areas: string[]) => {
    for (;;) {
      const phone = `1${random.pick(areas)}55501${String(random.int(0, 99)).padStart(2, '0')}`;
      if (!usedPhones.has(phone)) {
        usedPhones.add(phone);
        return phone;
      }
    }
  };
  const clients: Client[] = [];
  const make = (index: number, id: number, location_id: number, areas: string[], tagIds: number[]): Client => {
    const female = random.chance(0.78);
    const name = random.pick(female ? FEMALE : MALE);
    const surname = random.pick(SURNAMES);
    let email = `${name}.${surname}@example.com`.toLowerCase();
    for (let n = 2; usedEmails.has(email); n++) email = `${name}.${surname}${n}@example.com`.toLowerCase();
    const visits = random.int(0, 30);
    const firstVisit = `20${random.int(22, 25)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    const client: Client = {
      id,
      location_id,
      name,
      surname,
      middle_name: '',
      phone: phoneFor(areas),
      email,
      category_ids: visits > 15 ? [tagIds[0]] : visits < 2 ? [tagIds[1]] : [],
      gender_id: female ? 2 : 1,
      discount: visits > 20 ? 10 : visits > 10 ? 5 : 0,
      importance_id: visits > 20 ? 3 : visits > 10 ? 2 : visits > 5 ? 1 : 0,
      card: random.chance(0.3) ? String(random.int(100000000, 999999999)) : '',
      birth_date: `${random.int(1962, 2005)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`,
      comment: random.chance(0.15)
        ? random.pick([
            'Prefers mornings',
            'Likes quiet appointments',
            'Usually books online',
            'Allergic to some fragrances',
          ])
        : '',
      sms_check: random.chance(0.6) ? 1 : 0,
      sms_not: random.chance(0.1) ? 1 : 0,
      spent: visits * random.int(35, 110),
      balance: 0,
      visits,
      first_visit_date: visits ? firstVisit : '',
      last_visit_date: visits ? `2026-0${random.int(1, 2)}-${pad(random.int(1, 28))}` : '',
      last_change_date: `2026-02-${pad(random.int(1, 27))}T${pad(random.int(9, 20))}:${pad(random.int(0, 59))}:00-0500`,
      custom_fields: random.chance(0.4)
        ? { allergies: random.pick(ALLERGIES), referral_source: random.pick(REFERRALS) }
        : {},
    };
    usedEmails.add(email);
    return { ...client, ...PINNED[index] };
  };
  for (let i = 0; i < MANHATTAN_CLIENTS; i++) {
    clients.push(make(i, MANHATTAN_FIRST_ID + i, MANHATTAN, MANHATTAN_AREAS, [101, 102]));
  }
  for (let i = 0; i < BROOKLYN_CLIENTS; i++) {
    clients.push(make(-1 - i, BROOKLYN_FIRST_ID + i, BROOKLYN, BROOKLYN_AREAS, [104, 105]));
  }
  return clients;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
