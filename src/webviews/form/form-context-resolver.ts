// Decides where a new form's request happens, in order: the tree item the command came from (the prefill's
// context and the ids it passes), the default location (Select Location), the only location or chain the tokens
// see. A location or chain the operation's path still needs is then asked for with a quick pick of the live list.
import * as vscode from 'vscode';
import type { OperationSpec } from '../../api/catalog';
import { positiveId, resolveContext, type EntityContext } from '../../api/request-context';
import type { Auth } from '../../services/auth';
import { locationDescription, type BusinessDirectory, type Directory } from '../../services/business-directory';
import type { LocationStore } from '../../services/location-store';
import type { Logger } from '../../services/log';
import type { Prompter } from '../../services/prompter';
import type { Prefill } from '../ports';

export interface ContextSources {
  auth: Pick<Auth, 'signedIn' | 'whenReady'>;
  locations: Pick<LocationStore, 'current'>;
  directory: Pick<BusinessDirectory, 'read'>;
  prompter: Prompter;
  log: Logger;
}

export async function resolveFormContext(
  op: OperationSpec,
  prefill: Prefill,
  s: ContextSources,
  ask: boolean,
): Promise<EntityContext> {
  const selected = s.locations.current;
  const given = resolveContext([
    {
      ...(positiveId(prefill.pathParams?.location_id)
        ? { locationId: positiveId(prefill.pathParams?.location_id) }
        : {}),
      ...(positiveId(prefill.pathParams?.chain_id) ? { chainId: positiveId(prefill.pathParams?.chain_id) } : {}),
    },
    prefill.context,
  ]);
  let ctx = resolveContext([given, selected && { locationId: selected.locationId, chainId: selected.chainId }]);
  const pathNames = new Set(op.parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const wantsLocation = pathNames.has('location_id');
  const wantsChain = pathNames.has('chain_id');
  const open = (wantsLocation && !ctx.locationId) || (wantsChain && !ctx.chainId) || (!!ctx.locationId && !ctx.chainId);
  await s.auth.whenReady();
  if (!open || !s.auth.signedIn) return ctx;
  let directory: Directory;
  try {
    directory = await s.directory.read();
  } catch (e) {
    s.log.warn(`the locations for a form could not be read: ${e instanceof Error ? e.message : String(e)}`);
    return ctx;
  }
  const only = directory.locations.length === 1 ? directory.locations[0] : undefined;
  ctx = resolveContext([
    ctx,
    { chainId: ctx.locationId ? chainOf(directory, ctx.locationId) : undefined },
    only && { locationId: only.locationId, chainId: only.chainId },
    directory.chains.length === 1 ? { chainId: directory.chains[0].chainId } : undefined,
  ]);
  if (ask && wantsLocation && !ctx.locationId) {
    const candidates = directory.locations.filter((l) => !ctx.chainId || !l.chainId || l.chainId === ctx.chainId);
    const chosen = candidates.length
      ? await s.prompter.pick(
          candidates.map((l) => ({ label: l.locationTitle, description: locationDescription(l), value: l })),
          {
            title: vscode.l10n.t('Location for "{0}"', op.summary),
            placeHolder: vscode.l10n.t('Pick a location (Altegio: Select Location sets a default for every form)'),
            matchOnDescription: true,
          },
        )
      : undefined;
    if (chosen) ctx = resolveContext([ctx, { locationId: chosen.locationId, chainId: chosen.chainId }]);
  }
  if (ask && wantsChain && !ctx.chainId && directory.chains.length > 1) {
    const chosen = await s.prompter.pick(
      directory.chains.map((c) => ({ label: c.chainTitle, description: `#${c.chainId}`, value: c.chainId })),
      { title: vscode.l10n.t('Chain for "{0}"', op.summary), matchOnDescription: true },
    );
    if (chosen) ctx = resolveContext([ctx, { chainId: chosen }]);
  }
  return ctx;
}

function chainOf(directory: Directory, locationId: number): number | undefined {
  return directory.locations.find((l) => l.locationId === locationId)?.chainId;
}
