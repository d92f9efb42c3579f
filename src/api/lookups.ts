// The one table that knows which list answers a parameter: `loyalty_card_type_id` → the chain's card types,
// `staff_id` → team members, and so on. Forms and prompts read options from it live.
import type { RequestInput } from './client';
import type { Catalog } from './catalog';

export interface LookupContext {
  locationId?: number;
  chainId?: number;
  /** What the user typed, for lookups that search (clients). */
  term?: string;
}

export interface LookupOption {
  value: string | number;
  label: string;
  description?: string;
}

export interface LookupSpec {
  /** Parameter or body field names this lookup fills. */
  fields: string[];
  operationId: string;
  /** The context the list needs; without it the lookup is unavailable. */
  needs: 'location' | 'chain';
  /** True when the list is searched by what the user types instead of loaded whole. */
  searchable: boolean;
  input(ctx: LookupContext): Omit<RequestInput, 'operation'>;
  option(item: Record<string, unknown>): LookupOption;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export const LOOKUPS: LookupSpec[] = [
  {
    fields: ['loyalty_card_type_id'],
    operationId: 'get_chain_loyalty_card_type_list',
    needs: 'chain',
    searchable: false,
    input: (c) => ({ pathParams: { chain_id: c.chainId! } }),
    option: (t) => ({ value: str(t.id), label: str(t.title), description: `#${str(t.id)}` }),
  },
  {
    fields: ['staff_id', 'team_member_id', 'master_id'],
    operationId: 'get_team_member_list',
    needs: 'location',
    searchable: false,
    input: (c) => ({ pathParams: { location_id: c.locationId! } }),
    option: (s) => ({ value: Number(s.id), label: str(s.name), description: str(s.specialization) }),
  },
  {
    fields: ['service_id'],
    operationId: 'get_service_list',
    needs: 'location',
    searchable: false,
    input: (c) => ({ pathParams: { location_id: c.locationId! } }),
    option: (s) => ({ value: Number(s.id), label: str(s.title), description: `#${str(s.id)}` }),
  },
  {
    fields: ['client_id'],
    operationId: 'get_client_list',
    needs: 'location',
    searchable: true,
    input: (c) => ({
      pathParams: { location_id: c.locationId! },
      body: {
        page: 1,
        page_size: 20,
        ...(c.term ? { filters: [{ type: 'quick_search', state: { value: c.term } }] } : {}),
      },
    }),
    option: (c) => ({
      value: Number(c.id),
      label: [str(c.name), str(c.surname)].filter(Boolean).join(' '),
      description: str(c.phone),
    }),
  },
];

export function lookupFor(field: string): LookupSpec | undefined {
  return LOOKUPS.find((l) => l.fields.includes(field));
}

/** The request that lists the options, or undefined when the context lacks the location or chain. */
export function lookupRequest(catalog: Catalog, spec: LookupSpec, ctx: LookupContext): RequestInput | undefined {
  if (spec.needs === 'chain' && !ctx.chainId) return undefined;
  if (spec.needs === 'location' && !ctx.locationId) return undefined;
  return { operation: catalog.requireOperation(spec.operationId), ...spec.input(ctx) };
}

export function lookupOptions(spec: LookupSpec, data: unknown): LookupOption[] {
  return Array.isArray(data) ? data.map((item) => spec.option(item as Record<string, unknown>)) : [];
}
