// Issue Loyalty Card: opens the issue_loyalty_card form where the command was run — a location, a client (whose
// phone fills the form) or the palette, where the default location or a quick pick of the locations decides.
import type { EntityContext } from '../api/request-context';
import type { CatalogSource } from '../services/catalog-source';
import type { OperationLauncher } from '../webviews/ports';
import type { CommandRegistry } from './command-registry';

/** What a tree item passes: the location, its chain and the client. */
export type IssueCardContext = Pick<EntityContext, 'locationId' | 'chainId' | 'clientId' | 'clientPhone'>;

export function registerLoyaltyCommands(
  registry: CommandRegistry,
  s: { catalog: CatalogSource; forms: OperationLauncher },
): void {
  registry.register('altegio.issueLoyaltyCard', async (context?: IssueCardContext) => {
    const op = s.catalog().requireOperation('issue_loyalty_card');
    await s.forms.open(op, { context: contextOf(context) }, { askForMissing: true });
  });
}

/** Only the known fields of what a caller passed (a command can be run with any argument). */
function contextOf(given: unknown): EntityContext {
  if (given === null || typeof given !== 'object') return {};
  const g = given as Record<string, unknown>;
  const id = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);
  const out: EntityContext = {};
  if (id(g.locationId)) out.locationId = id(g.locationId);
  if (id(g.chainId)) out.chainId = id(g.chainId);
  if (id(g.clientId)) out.clientId = id(g.clientId);
  if (typeof g.clientPhone === 'string' && g.clientPhone) out.clientPhone = g.clientPhone;
  // Older callers passed the phone as `phone`.
  else if (typeof g.phone === 'string' && g.phone) out.clientPhone = g.phone;
  return out;
}
