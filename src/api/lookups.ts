// The one table that knows which list answers a parameter: `loyalty_card_type_id` → the chain's card types,
// `staff_id` → team members, `phone` → a client search that fills the client's phone, `location_id` → the
// locations these tokens see, and so on. Forms and prompts read options from it live.
import type { RequestInput } from './client';
import type { Catalog } from './catalog';
import { normalisePhone } from './phone';

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

interface LookupBase {
  /** Unique name of the lookup (also what its cached lists are kept under). */
  key: string;
  /** Parameter or body field names this lookup fills. */
  fields: string[];
  /** Operations where these names mean something else (a new client's own phone is not searched for). */
  except?: string[];
  /** The context the list needs; without it the lookup is unavailable. */
  needs: 'location' | 'chain' | 'nothing';
  /** True when the list is searched by what the user types instead of loaded whole. */
  searchable: boolean;
}

/** A list read with one operation of the document. */
export interface ApiLookupSpec extends LookupBase {
  source: 'api';
  operationId: string;
  input(ctx: LookupContext): Omit<RequestInput, 'operation'>;
  option(item: Record<string, unknown>): LookupOption;
}

/** The locations or chains the tokens see, read once by the host (see DIRECTORY_OPERATIONS). */
export interface DirectoryLookupSpec extends LookupBase {
  source: 'locations' | 'chains';
}

export type LookupSpec = ApiLookupSpec | DirectoryLookupSpec;

/** How the host learns which locations and chains the tokens see: the chains with their locations, else the locations. */
export const DIRECTORY_OPERATIONS = { chains: 'get_chain_list', locations: 'get_location_list' } as const;

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const fullName = (c: Record<string, unknown>) => [str(c.name), str(c.surname)].filter(Boolean).join(' ');

/** The client search both `client_id` and a client's phone use: by name or phone, 20 at a time. */
function clientSearch(c: LookupContext): Omit<RequestInput, 'operation'> {
  return {
    pathParams: { location_id: c.locationId! },
    body: {
      page: 1,
      page_size: 20,
      ...(c.term ? { filters: [{ type: 'quick_search', state: { value: c.term } }] } : {}),
    },
  };
}

export const LOOKUPS: LookupSpec[] = [
  { key: 'locations', fields: ['location_id'], source: 'locations', needs: 'nothing', searchable: false },
  { key: 'chains', fields: ['chain_id'], source: 'chains', needs: 'nothing', searchable: false },
  {
    key: 'cardTypes',
    fields: ['loyalty_card_type_id'],
    source: 'api',
    operationId: 'get_chain_loyalty_card_type_list',
    needs: 'chain',
    searchable: false,
    input: (c) => ({ pathParams: { chain_id: c.chainId! } }),
    option: (t) => ({ value: str(t.id), label: str(t.title), description: `#${str(t.id)}` }),
  },
  {
    key: 'teamMembers',
    fields: ['staff_id', 'team_member_id', 'master_id'],
    source: 'api',
    operationId: 'get_team_member_list',
    needs: 'location',
    searchable: false,
    input: (c) => ({ pathParams: { location_id: c.locationId! } }),
    option: (s) => ({ value: Number(s.id), label: str(s.name), description: str(s.specialization) }),
  },
  {
    key: 'services',
    fields: ['service_id'],
    source: 'api',
    operationId: 'get_service_list',
    needs: 'location',
    searchable: false,
    input: (c) => ({ pathParams: { location_id: c.locationId! } }),
    option: (s) => ({ value: Number(s.id), label: str(s.title), description: `#${str(s.id)}` }),
  },
  {
    key: 'clients',
    fields: ['client_id'],
    source: 'api',
    operationId: 'get_client_list',
    needs: 'location',
    searchable: true,
    input: clientSearch,
    option: (c) => ({ value: Number(c.id), label: fullName(c), description: str(c.phone) }),
  },
  {
    // A phone that identifies an existing client: pick the client, the phone's digits are sent.
    key: 'clientPhones',
    fields: ['phone', 'client_phone', 'referrer_phone'],
    except: ['create_client', 'update_client', 'bulk_create_clients'],
    source: 'api',
    operationId: 'get_client_list',
    needs: 'location',
    searchable: true,
    input: clientSearch,
    option: (c) => ({ value: normalisePhone(str(c.phone)), label: fullName(c), description: str(c.phone) }),
  },
];

/** The lookup that fills `field` (in operation `operationId`, when known), if any. */
export function lookupFor(field: string, operationId?: string): LookupSpec | undefined {
  return LOOKUPS.find(
    (l) => l.fields.includes(field) && !(operationId !== undefined && l.except?.includes(operationId)),
  );
}

export function lookupByKey(key: string): LookupSpec | undefined {
  return LOOKUPS.find((l) => l.key === key);
}

/** Whether the context holds what the lookup needs. */
export function lookupReady(spec: LookupSpec, ctx: LookupContext): boolean {
  if (spec.needs === 'chain') return !!ctx.chainId;
  if (spec.needs === 'location') return !!ctx.locationId;
  return true;
}

/** The request that lists the options, or undefined when the context lacks the location or chain. */
export function lookupRequest(catalog: Catalog, spec: ApiLookupSpec, ctx: LookupContext): RequestInput | undefined {
  if (!lookupReady(spec, ctx)) return undefined;
  return { operation: catalog.requireOperation(spec.operationId), ...spec.input(ctx) };
}

export function lookupOptions(spec: ApiLookupSpec, data: unknown): LookupOption[] {
  return Array.isArray(data) ? data.map((item) => spec.option(item as Record<string, unknown>)) : [];
}
