// altegio_business_context: who is signed in, to which environment, and the chains and locations the tokens see,
// with the default location — the ids a model needs for location_id and chain_id. Never a token.
import * as vscode from 'vscode';
import { failureText } from '../services/error-text';
import type { SelectedLocation } from '../services/location-store';
import { visibleLocations } from '../services/visible-locations';
import type { LocationNames } from './location-names';
import { toolWritesAllowed } from './write-policy';
import type { AltegioTool, ToolCall, ToolServices } from './tool-types';

export class BusinessContextTool implements AltegioTool {
  constructor(
    private readonly s: Pick<ToolServices, 'auth' | 'locations' | 'pipeline' | 'catalog'>,
    private readonly names: LocationNames,
  ) {}

  prepare(): vscode.PreparedToolInvocation {
    return { invocationMessage: vscode.l10n.t('Reading the Altegio account and its locations') };
  }

  async invoke(_input: unknown, call: ToolCall): Promise<string[]> {
    const { auth } = this.s;
    await auth.whenReady();
    const env = auth.environment;
    const writesAllowed = toolWritesAllowed(env);
    const environment = {
      id: env.id,
      name: env.label,
      baseUrl: env.baseUrl,
      productionReadOnly: env.readOnly,
      toolWrites: writesAllowed
        ? 'allowed, each confirmed by the user'
        : 'refused: only the local sandbox takes writes from tools',
    };
    if (!auth.signedIn)
      return [
        vscode.l10n.t(
          'Not signed in to {0}. Ask the user to run "Altegio: Sign In", or "Altegio: Start Local Sandbox" to try the API with demo data.',
          env.label,
        ),
        JSON.stringify({ environment, signedIn: false }),
      ];
    const profile = auth.profile;
    const user = {
      ...(profile?.userName ? { name: profile.userName } : {}),
      ...(profile?.userId !== undefined ? { id: profile.userId } : {}),
      tokens: auth.hasUserToken ? 'partner and user' : 'partner only',
    };
    const current = this.s.locations.current;
    const defaultLocation = current
      ? {
          id: current.locationId,
          title: current.locationTitle,
          ...(current.chainId !== undefined ? { chainId: current.chainId, chainTitle: current.chainTitle } : {}),
        }
      : null;
    const controller = new AbortController();
    const cancel = call.token.onCancellationRequested(() => controller.abort());
    let visible: SelectedLocation[];
    try {
      visible = await visibleLocations(this.s, controller.signal);
    } catch (e) {
      return [
        vscode.l10n.t('The locations could not be read: {0}', failureText(e)),
        JSON.stringify({ environment, signedIn: true, user, defaultLocation }),
      ];
    } finally {
      cancel.dispose();
    }
    this.names.remember(visible);
    const summary = [
      vscode.l10n.t('Signed in to {0}; {1} locations are visible.', env.label, visible.length),
      defaultLocation
        ? vscode.l10n.t(
            'The default location is {0} (#{1}): use its id for location_id unless the user names another.',
            defaultLocation.title,
            defaultLocation.id,
          )
        : vscode.l10n.t('No default location is selected; ask the user which location to use.'),
    ];
    if (env.readOnly)
      summary.push(
        vscode.l10n.t('Production is read-only (setting "altegio.productionReadOnly"): every write is refused.'),
      );
    else if (!writesAllowed)
      summary.push(
        vscode.l10n.t(
          'Writes from the assistant are refused here: only the local sandbox takes them (setting "altegio.copilot.writesOnlyInSandbox").',
        ),
      );
    return [
      summary.join(' '),
      JSON.stringify({ environment, signedIn: true, user, defaultLocation, ...group(visible) }),
    ];
  }
}

/** Locations grouped under their chains; those of no chain listed on their own. */
function group(list: SelectedLocation[]) {
  const chains = new Map<number, { id: number; title: string; locations: { id: number; title: string }[] }>();
  const loose: { id: number; title: string }[] = [];
  for (const l of list) {
    const location = { id: l.locationId, title: l.locationTitle };
    if (l.chainId === undefined) {
      loose.push(location);
      continue;
    }
    let chain = chains.get(l.chainId);
    if (!chain) chains.set(l.chainId, (chain = { id: l.chainId, title: l.chainTitle ?? '', locations: [] }));
    chain.locations.push(location);
  }
  return { chains: [...chains.values()], ...(loose.length ? { locations: loose } : {}) };
}
