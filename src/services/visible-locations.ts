// The locations the current tokens can see, with their chains: through the chains of the signed-in user when there
// is a user token, else the partner's list of locations. Select Location and the Copilot tools read it.
import type { Auth } from './auth';
import type { CatalogSource } from './catalog-source';
import type { SelectedLocation } from './location-store';
import type { RequestPipeline } from './request-pipeline';

export interface VisibleLocationsHost {
  auth: Pick<Auth, 'hasUserToken'>;
  pipeline: Pick<RequestPipeline, 'fetch'>;
  catalog: CatalogSource;
}

interface ChainRow {
  id: number;
  title: string;
  companies?: { id: number; title: string }[];
}

/** Background reads (rate-limited and logged, not in the history); throws the client's typed errors. */
export async function visibleLocations(s: VisibleLocationsHost, signal?: AbortSignal): Promise<SelectedLocation[]> {
  const catalog = s.catalog();
  const found: SelectedLocation[] = [];
  if (s.auth.hasUserToken) {
    const chains = await s.pipeline.fetch({ operation: catalog.requireOperation('get_chain_list'), signal });
    for (const chain of (chains.data as ChainRow[] | undefined) ?? []) {
      for (const c of chain.companies ?? [])
        found.push({ locationId: c.id, locationTitle: c.title, chainId: chain.id, chainTitle: chain.title });
    }
  }
  if (found.length === 0) {
    const companies = await s.pipeline.fetch({
      operation: catalog.requireOperation('get_location_list'),
      query: s.auth.hasUserToken ? { my: 1 } : {},
      signal,
    });
    for (const c of (companies.data as { id: number; title: string }[] | undefined) ?? [])
      found.push({ locationId: c.id, locationTitle: c.title });
  }
  return found;
}
