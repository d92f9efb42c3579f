// How clients look in answers: the full client object, the deprecated list row, and the lookups other
// families need (a location's client by phone).
import type { Client } from '../model';
import type { Store } from '../store';
import { phoneDigits } from './request';

const GENDERS: Record<number, string> = { 0: 'Unknown', 1: 'Male', 2: 'Female' };
const IMPORTANCE: Record<number, string> = { 0: 'No importance class', 1: 'Bronze', 2: 'Silver', 3: 'Gold' };

export function fullName(client: Pick<Client, 'name' | 'surname'>): string {
  return [client.name, client.surname].filter(Boolean).join(' ');
}

function categoriesOf(store: Store, client: Client) {
  return client.category_ids
    .map((id) => store.get('tags', id))
    .filter((t) => t !== undefined)
    .map((t) => ({ id: t.id, title: t.title, color: t.color }));
}

export function clientView(store: Store, client: Client) {
  const { location_id: _l, category_ids: _c, first_visit_date: _f, last_visit_date: _v, ...fields } = client;
  return {
    ...fields,
    phone: `+${client.phone}`,
    categories: categoriesOf(store, client),
    gender: GENDERS[client.gender_id] ?? 'Unknown',
    importance: IMPORTANCE[client.importance_id] ?? IMPORTANCE[0],
  };
}

/** The row shape of the deprecated GET /clients/{location_id}. */
export function legacyListView(store: Store, client: Client) {
  return {
    id: client.id,
    name: fullName(client),
    phone: `+${client.phone}`,
    email: client.email,
    categories: categoriesOf(store, client),
    sex: GENDERS[client.gender_id] ?? 'Unknown',
    discount: client.discount,
    card: client.card,
    birth_date: client.birth_date,
    spent: client.spent,
    balance: client.balance,
    visits: client.visits,
  };
}

/** The client of a location with this phone (any notation), if there is one. */
export function clientByPhone(store: Store, locationId: number, phone: unknown): Client | undefined {
  const digits = phoneDigits(phone);
  return store.find('clients', (c) => c.location_id === locationId && c.phone === digits);
}
