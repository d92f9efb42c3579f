// Where a request happens: the location, chain, client, team member and service a form is about, which
// parameters name them, and the order in which they are decided — the tree item the command came from, then
// the default location (Select Location), then the only choice there is.

/** The entities a parameter can name. */
export type EntityKind = 'location' | 'chain' | 'client' | 'teamMember' | 'service';

/** Parameter names that hold an entity's id, across the document (path, query and body alike). */
export const ENTITY_PARAMETERS: Readonly<Record<string, EntityKind>> = {
  location_id: 'location',
  chain_id: 'chain',
  client_id: 'client',
  team_member_id: 'teamMember',
  staff_id: 'teamMember',
  master_id: 'teamMember',
  service_id: 'service',
};

export interface EntityContext {
  locationId?: number;
  chainId?: number;
  clientId?: number;
  /** The client's phone as Altegio keeps it; forms send its digits. */
  clientPhone?: string;
  teamMemberId?: number;
  serviceId?: number;
}

const ID_OF: Readonly<Record<EntityKind, keyof EntityContext>> = {
  location: 'locationId',
  chain: 'chainId',
  client: 'clientId',
  teamMember: 'teamMemberId',
  service: 'serviceId',
};

/** The context value a parameter of this name takes, if it names an entity. */
export function entityValue(name: string, ctx: EntityContext): number | undefined {
  const kind = ENTITY_PARAMETERS[name];
  const value = kind ? ctx[ID_OF[kind]] : undefined;
  return typeof value === 'number' ? value : undefined;
}

/**
 * One context from layers, most specific first (tree item, default location, only choice). A later layer
 * fills only what is still open, and only when it is about the same place: a default location in another
 * location or chain than the tree item's says nothing about the tree item's chain.
 */
export function resolveContext(layers: readonly (EntityContext | undefined)[]): EntityContext {
  const out: EntityContext = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (conflicts(out.locationId, layer.locationId) || conflicts(out.chainId, layer.chainId)) continue;
    for (const key of Object.keys(layer) as (keyof EntityContext)[]) {
      const value = layer[key];
      if (out[key] === undefined && value !== undefined && value !== '') (out as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

function conflicts(chosen: number | undefined, offered: number | undefined): boolean {
  return chosen !== undefined && offered !== undefined && chosen !== offered;
}

/** A positive integer id from what a form holds ('720441' or 720441), else undefined. */
export function positiveId(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
