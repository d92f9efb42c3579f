// Issue Loyalty Card: opens the issue_loyalty_card operation with the location, chain and phone prefilled.
import { getCatalog } from '../api/catalog';
import type { CommandRegistry } from './command-registry';
import type { Services } from './services';

export interface IssueCardPrefill {
  locationId?: number;
  chainId?: number;
  phone?: string;
}

export function registerLoyaltyCommands(registry: CommandRegistry, s: Services): void {
  registry.register('altegio.issueLoyaltyCard', async (prefill: IssueCardPrefill = {}) => {
    const op = getCatalog().requireOperation('issue_loyalty_card');
    const location = s.session.location;
    const locationId = prefill.locationId ?? location?.locationId;
    const chainId = prefill.chainId ?? (locationId === location?.locationId ? location?.chainId : undefined);
    await s.launcher.open(op, {
      pathParams: locationId ? { location_id: locationId } : {},
      body: prefill.phone ? { phone: Number(prefill.phone) } : {},
      ...(chainId ? { context: { chainId } } : {}),
    });
  });
}
