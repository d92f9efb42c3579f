// The document's examples refer to ids of Altegio's own demo accounts (service 1185299, team member 123); a stateful
// sandbox rightly refuses those. These helpers put seeded ids in their place — only where the example's id names
// nothing in the seed business — so examples can be sent as documented otherwise.
import { pathShape } from '../../src/sandbox/handlers/resources/paths';
import type { SandboxState } from '../../src/sandbox/model';
import { createSeedState } from '../../src/sandbox/seed';

type Ids = (state: SandboxState) => Iterable<number>;

const ids =
  <K extends keyof SandboxState['collections']>(name: K, field: 'id' | 'visit_id' = 'id'): Ids =>
  (state) =>
    (state.collections[name] as unknown as Record<string, number>[]).map((x) => x[field]);

const records =
  (path: string): Ids =>
  (state) =>
    state.collections.records
      .filter((r) => r.family === pathShape(path) && !r.document)
      .map((r) => (r.data as { id: number }).id);

/** Body and query fields that refer to seeded things: where they live, and the seeded id to use instead. */
const FIELDS: Record<string, { known: Ids; seed: number }> = {
  staff_id: { known: ids('staff'), seed: 5907 },
  master_id: { known: ids('staff'), seed: 5907 },
  team_member_id: { known: ids('staff'), seed: 5905 },
  events_master_id: { known: ids('staff'), seed: 5907 },
  service_id: { known: ids('services'), seed: 2050 },
  allowed_service_id: { known: ids('services'), seed: 2001 },
  client_id: { known: ids('clients'), seed: 4240788 },
  record_id: { known: ids('appointments'), seed: 140967944 },
  visit_id: { known: ids('appointments', 'visit_id'), seed: 118389447 },
  good_id: { known: ids('products'), seed: 232674 },
  product_id: { known: ids('products'), seed: 232674 },
  storage_id: { known: ids('storages'), seed: 36539 },
  document_id: { known: ids('stockDocuments'), seed: 22254960 },
  account_id: { known: ids('accounts'), seed: 90218 },
  position_id: { known: ids('positions'), seed: 301 },
  user_id: { known: ids('users'), seed: 12345 },
  company_id: { known: ids('locations'), seed: 720442 },
  deposit_id: { known: ids('deposits'), seed: 220 },
  original_entity_id: { known: ids('events'), seed: 3480140 },
  duplication_strategy_id: { known: records('/activity/{location_id}/duplication_strategy'), seed: 9901 },
  schedule_days_id: { known: records('/company/{location_id}/schedules/{schedule_id}/days'), seed: 6601 },
  schedule_day_id: { known: records('/company/{location_id}/schedules/{schedule_id}/days'), seed: 6601 },
  loyalty_card_type_id: { known: ids('loyaltyCardTypes'), seed: 8230 },
  technological_card_id: { known: records('/technological_cards/{location_id}'), seed: 36069 },
  label_id: { known: ids('tags'), seed: 67347 },
  labels_id: { known: ids('tags'), seed: 67347 },
  resource_instance_id: { known: () => [181, 3127, 190], seed: 3127 },
  resource_instances_id: { known: () => [181, 3127, 190], seed: 3127 },
};

/** Path parameters whose example names another kind of thing on some paths (a service category on a goods path). */
const PATH_FIELDS: { path: RegExp; param: string; known: Ids; seed: number }[] = [
  { path: /goods/, param: 'category_id', known: ids('productCategories'), seed: 289632 },
  { path: /finance_transactions/, param: 'transaction_id', known: ids('financeTransactions'), seed: 9053737 },
  { path: /tax_system/, param: 'country_id', known: () => [7], seed: 7 },
  // A discount promotion is applied with a discount program of the card's type (12723), not the cashback one.
  { path: /discount_program/, param: 'program_id', known: () => [12723], seed: 12723 },
];

let seed: SandboxState | undefined;
const known = new Map<Ids, Set<number>>();

function has(list: Ids, id: number): boolean {
  seed ??= createSeedState();
  let set = known.get(list);
  if (!set) known.set(list, (set = new Set(list(seed))));
  return set.has(id);
}

/** One value of a referring field, with a seeded id in place of an unknown one (0 and null mean "none"). */
function fix(name: string, value: unknown): unknown {
  const field = FIELDS[name.endsWith('_ids') ? name.slice(0, -1) : name];
  if (!field) return value;
  if (Array.isArray(value)) return [...new Set(value.map((v) => fix(name.slice(0, -1), v)))];
  const id = Number(value);
  if (value === null || !Number.isInteger(id) || id === 0 || has(field.known, id)) return value;
  return typeof value === 'string' ? String(field.seed) : field.seed;
}

/**
 * The body with seeded ids in place of ids the seed business does not have, at any depth. In a list named after a
 * kind of thing (`services: [{id}]`), `id` is an id of that kind.
 */
export function withSeedIds(body: unknown, listName?: string): unknown {
  if (Array.isArray(body)) return body.map((item) => withSeedIds(item, listName));
  if (!body || typeof body !== 'object') return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value) && value.some((v) => v && typeof v === 'object')) out[key] = withSeedIds(value, key);
    else if (value && typeof value === 'object' && !Array.isArray(value)) out[key] = withSeedIds(value);
    else if (key === 'id' && listName) out[key] = fix(`${listName.replace(/s$/, '')}_id`, value);
    else out[key] = fix(key, value);
  }
  return out;
}

/** A query or path value with a seeded id in place of an unknown one. */
export function seedValue(path: string, name: string, value: unknown): unknown {
  const special = PATH_FIELDS.find((f) => f.param === name && f.path.test(path));
  if (special) {
    const id = Number(value);
    return Number.isInteger(id) && has(special.known, id) ? value : special.seed;
  }
  return fix(name, value);
}
