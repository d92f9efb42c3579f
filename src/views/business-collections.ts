// The lists the Business view shows under a location and a client: which operation reads each one and
// how its rows are labelled. This table and the form lookups are the only places that name operations.
import * as vscode from 'vscode';
import { units } from '../services/units';

export interface LocationContext {
  locationId: number;
  locationTitle: string;
  chainId?: number;
}

export interface RowView {
  id: number | string;
  label: string;
  description?: string;
  icon: string;
  /** Entity kind, used for context menus (`business.client`, `business.card` …). */
  kind: string;
}

export interface CollectionSpec {
  key: string;
  label: () => string;
  icon: string;
  operationId: string;
  pathParams: (ctx: LocationContext & { client?: Row }) => Record<string, string | number> | undefined;
  query?: (ctx: LocationContext) => Record<string, unknown>;
  body?: (ctx: LocationContext) => Record<string, unknown>;
  row: (item: Row) => RowView;
  /** A row of this collection can be expanded into these collections. */
  children?: string[];
  /** The writes after which the loaded list is stale and is read again (an empty list: no documented write). */
  staleAfter: StaleAfter[];
  /** What an empty list says ("No appointments today"). */
  empty: () => string;
  /** The operation that adds the first row, offered on an empty list (its form opens here). */
  create?: { operationId: string; label: () => string };
}

/** A write that makes a list stale: one operation, or every write of a tag (a section of the document). */
export type StaleAfter = { operationId: string } | { tag: string };

/** Whether a successful write of `operation` makes the collection's list stale. */
export function staleAfterWrite(spec: CollectionSpec, operation: { id: string; section: string }): boolean {
  return spec.staleAfter.some((rule) =>
    'operationId' in rule ? rule.operationId === operation.id : rule.tag === operation.section,
  );
}

export type Row = Record<string, unknown>;

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const money = (v: unknown): string => (typeof v === 'number' ? units().number(v) : text(v));

function isoDate(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

export const LOCATION_COLLECTIONS: CollectionSpec[] = [
  {
    key: 'clients',
    label: () => vscode.l10n.t('Clients'),
    icon: 'account',
    operationId: 'get_client_list',
    staleAfter: [{ tag: 'Clients' }],
    empty: () => vscode.l10n.t('No clients yet'),
    create: { operationId: 'create_client', label: () => vscode.l10n.t('Add a client…') },
    pathParams: (c) => ({ location_id: c.locationId }),
    body: () => ({ order_by: 'name', order_by_direction: 'ASC' }),
    row: (c) => ({
      id: c.id as number,
      label: [text(c.name), text(c.surname)].filter(Boolean).join(' ') || text(c.phone),
      description: text(c.phone),
      icon: 'person',
      kind: 'client',
    }),
    children: ['cards'],
  },
  {
    key: 'team',
    label: () => vscode.l10n.t('Team members'),
    icon: 'organization',
    operationId: 'get_team_member_list',
    staleAfter: [{ tag: 'Team Members' }],
    empty: () => vscode.l10n.t('No team members yet'),
    create: { operationId: 'create_team_member_quick', label: () => vscode.l10n.t('Add a team member…') },
    pathParams: (c) => ({ location_id: c.locationId }),
    row: (s) => ({
      id: s.id as number,
      label: text(s.name),
      description: text(s.specialization),
      icon: 'person',
      kind: 'teamMember',
    }),
  },
  {
    key: 'services',
    label: () => vscode.l10n.t('Services'),
    icon: 'tools',
    operationId: 'get_service_list',
    staleAfter: [{ tag: 'Services' }],
    empty: () => vscode.l10n.t('No services yet'),
    create: { operationId: 'create_service', label: () => vscode.l10n.t('Add a service…') },
    pathParams: (c) => ({ location_id: c.locationId }),
    row: (s) => ({
      id: s.id as number,
      label: text(s.title),
      description:
        s.price_min !== undefined
          ? `${money(s.price_min)}${s.price_max !== undefined && s.price_max !== s.price_min ? `–${money(s.price_max)}` : ''}`
          : undefined,
      icon: 'symbol-event',
      kind: 'service',
    }),
  },
  {
    key: 'appointmentsToday',
    label: () => vscode.l10n.t('Appointments today'),
    icon: 'calendar',
    operationId: 'get_appointment_list',
    staleAfter: [{ tag: 'Appointments' }],
    empty: () => vscode.l10n.t('No appointments today'),
    create: { operationId: 'create_appointment', label: () => vscode.l10n.t('Book an appointment…') },
    pathParams: (c) => ({ location_id: c.locationId }),
    query: () => ({ start_date: isoDate(0), end_date: isoDate(0) }),
    row: appointmentRow,
  },
  {
    key: 'appointmentsUpcoming',
    label: () => vscode.l10n.t('Upcoming appointments'),
    icon: 'calendar',
    operationId: 'get_appointment_list',
    staleAfter: [{ tag: 'Appointments' }],
    empty: () => vscode.l10n.t('No appointments in the next 30 days'),
    create: { operationId: 'create_appointment', label: () => vscode.l10n.t('Book an appointment…') },
    pathParams: (c) => ({ location_id: c.locationId }),
    query: () => ({ start_date: isoDate(1), end_date: isoDate(30) }),
    row: appointmentRow,
  },
  {
    key: 'cardTypes',
    label: () => vscode.l10n.t('Loyalty card types'),
    icon: 'credit-card',
    operationId: 'get_loyalty_card_type_list',
    staleAfter: [],
    empty: () => vscode.l10n.t('No loyalty card types in this location'),
    pathParams: (c) => ({ location_id: c.locationId }),
    row: (t) => ({
      id: t.id as number,
      label: text(t.title),
      description: `#${text(t.id)}`,
      icon: 'credit-card',
      kind: 'cardType',
    }),
  },
  {
    key: 'products',
    label: () => vscode.l10n.t('Products'),
    icon: 'package',
    operationId: 'get_products_list',
    staleAfter: [{ tag: 'Products' }],
    empty: () => vscode.l10n.t('No products yet'),
    create: { operationId: 'create_product', label: () => vscode.l10n.t('Add a product…') },
    pathParams: (c) => ({ location_id: c.locationId }),
    row: (p) => ({
      id: (p.good_id ?? p.id) as number,
      label: text(p.title),
      description: p.cost !== undefined ? money(p.cost) : undefined,
      icon: 'package',
      kind: 'product',
    }),
  },
  {
    key: 'storages',
    label: () => vscode.l10n.t('Storages'),
    icon: 'archive',
    operationId: 'get_location_inventories',
    staleAfter: [],
    empty: () => vscode.l10n.t('No storages in this location'),
    pathParams: (c) => ({ location_id: c.locationId }),
    row: (s) => ({
      id: s.id as number,
      label: text(s.title),
      description: text(s.comment),
      icon: 'archive',
      kind: 'storage',
    }),
  },
  {
    key: 'accounts',
    label: () => vscode.l10n.t('Cash registers'),
    icon: 'credit-card',
    operationId: 'get_account_list',
    staleAfter: [],
    empty: () => vscode.l10n.t('No cash registers in this location'),
    pathParams: (c) => ({ location_id: c.locationId }),
    row: (a) => ({
      id: a.id as number,
      label: text(a.title),
      description: text(a.comment),
      icon: 'credit-card',
      kind: 'account',
    }),
  },
];

export const CLIENT_COLLECTIONS: CollectionSpec[] = [
  {
    key: 'cards',
    label: () => vscode.l10n.t('Loyalty cards'),
    icon: 'credit-card',
    operationId: 'get_loyalty_card_list_by_phone',
    staleAfter: [{ tag: 'Loyalty Cards' }, { tag: 'Loyalty Programs' }, { tag: 'Sales' }],
    empty: () => vscode.l10n.t('No loyalty cards yet'),
    create: { operationId: 'issue_loyalty_card', label: () => vscode.l10n.t('Issue a loyalty card…') },
    pathParams: (c) => {
      const phone = text(c.client?.phone).replace(/\D/g, '');
      if (!phone || !c.chainId) return undefined;
      return { phone, chain_id: c.chainId, location_id: c.locationId };
    },
    row: (card) => {
      const type = card.type as Row | undefined;
      return {
        id: card.id as number,
        label: text(card.number),
        description: [
          text(type?.title),
          vscode.l10n.t('balance {0}', money(card.balance)),
          vscode.l10n.t('points {0}', money(card.points)),
        ]
          .filter(Boolean)
          .join(' · '),
        icon: 'credit-card',
        kind: 'card',
      };
    },
  },
];

function appointmentRow(r: Row): RowView {
  const client = r.client as Row | undefined;
  const staff = r.staff as Row | undefined;
  const services = (r.services as Row[] | undefined)?.map((s) => text(s.title)).join(', ');
  return {
    id: r.id as number,
    label: `${text(r.datetime ?? r.date)
      .replace('T', ' ')
      .slice(0, 16)} ${text(client?.name)}`.trim(),
    description: [services, text(staff?.name)].filter(Boolean).join(' · '),
    icon: 'calendar',
    kind: 'appointment',
  };
}
