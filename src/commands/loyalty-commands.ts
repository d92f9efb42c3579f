// Issue Loyalty Card: opens the issue_loyalty_card operation with the location, chain and phone prefilled.
import type { CatalogSource } from '../services/catalog-source';
import type { LocationStore } from '../services/location-store';
import type { OperationLauncher } from '../webviews/ports';
import type { CommandRegistry } from './command-registry';

export interface IssueCardPrefill {
  locationId?: number;
  chainId?: number;
  phone?: string;
}

export function registerLoyaltyCommands(
  registry: CommandRegistry,
  s: { catalog: CatalogSource; locations: Pick<LocationStore, 'current'>; forms: OperationLauncher },
): void {
  registry.register('altegio.issueLoyaltyCard', async (prefill: IssueCardPrefill = {}) => {
    const op = s.catalog().requireOperation('issue_loyalty_card');
    const location = s.locations.current;
    const locationId = prefill.locationId ?? location?.locationId;
    const chainId = prefill.chainId ?? (locationId === location?.locationId ? location?.chainId : undefined);
    await s.forms.open(op, {
      pathParams: locationId ? { location_id: locationId } : {},
      body: prefill.phone ? { phone: Number(prefill.phone) } : {},
      ...(chainId ? { context: { chainId } } : {}),
    });
  });
}
