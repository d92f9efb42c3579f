// Select Environment and Select Location.
import * as vscode from 'vscode';
import { getCatalog } from '../api/catalog';
import {
  ENVIRONMENT_IDS,
  environmentLabel,
  isLoopbackUrl,
  normaliseUrl,
  type EnvironmentId,
} from '../services/environments';
import type { SelectedLocation } from '../services/location-store';
import type { CommandRegistry } from './command-registry';
import type { Services } from './services';

export function registerEnvironmentCommands(registry: CommandRegistry, s: Services): void {
  registry.register('altegio.selectEnvironment', () => selectEnvironment(s));
  registry.register('altegio.selectLocation', () => selectLocation(s));
}

async function selectEnvironment(s: Services): Promise<void> {
  const current = s.session.environment;
  const items = ENVIRONMENT_IDS.map((id) => {
    const env = s.session.environments.describe(id);
    return {
      label: `${id === current.id ? '$(check) ' : ''}${environmentLabel(id)}`,
      description: id === 'custom' && !env.baseUrl ? vscode.l10n.t('enter a base URL') : env.baseUrl,
      detail:
        id === 'production'
          ? vscode.l10n.t('Real business data. Writes are blocked while "Production read-only" is on.')
          : undefined,
      value: id,
    };
  });
  const id = await s.prompter.pick<EnvironmentId>(items, {
    title: vscode.l10n.t('Select the Altegio environment'),
    matchOnDescription: true,
  });
  if (!id) return;
  if (id === 'custom') {
    const url = await s.prompter.input({
      title: vscode.l10n.t('Custom base URL'),
      prompt: vscode.l10n.t('The API base URL, including /api/v1'),
      value: vscode.workspace.getConfiguration('altegio').get<string>('customBaseUrl', ''),
      placeHolder: 'https://api.example.com/api/v1',
      validate: validateBaseUrl,
    });
    if (!url) return;
    await vscode.workspace
      .getConfiguration('altegio')
      .update('customBaseUrl', normaliseUrl(url), vscode.ConfigurationTarget.Global);
  }
  await s.session.environments.select(id);
  await s.session.whenReady();
  if (!s.session.signedIn && id === 'sandbox') await s.session.signInToLoopbackSandbox();
  await s.session.whenReady();
  if (!s.session.signedIn) {
    const signIn = vscode.l10n.t('Sign In');
    if (
      (await vscode.window.showInformationMessage(
        vscode.l10n.t('Switched to {0}. Sign in to use it.', environmentLabel(id)),
        signIn,
      )) === signIn
    ) {
      await vscode.commands.executeCommand('altegio.signIn');
    }
  }
}

export function validateBaseUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return vscode.l10n.t('Enter a full URL such as https://api.example.com/api/v1');
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackUrl(url.toString())) return undefined;
  return vscode.l10n.t(
    'Use https (plain http is allowed only on 127.0.0.1 / localhost, where tokens never leave the machine)',
  );
}

async function selectLocation(s: Services): Promise<SelectedLocation | undefined> {
  await s.session.whenReady();
  if (!s.session.signedIn) {
    await vscode.commands.executeCommand('altegio.signIn');
    if (!s.session.signedIn) return undefined;
  }
  const catalog = getCatalog();
  const locations = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading locations…'), cancellable: true },
    async (_p, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const found: SelectedLocation[] = [];
      if (s.session.hasUserToken) {
        const chains = await s.session.fetch({
          operation: catalog.requireOperation('get_chain_list'),
          signal: controller.signal,
        });
        for (const chain of (chains.data as {
          id: number;
          title: string;
          companies?: { id: number; title: string }[];
        }[]) ?? []) {
          for (const c of chain.companies ?? [])
            found.push({ locationId: c.id, locationTitle: c.title, chainId: chain.id, chainTitle: chain.title });
        }
      }
      if (found.length === 0) {
        const companies = await s.session.fetch({
          operation: catalog.requireOperation('get_location_list'),
          query: s.session.hasUserToken ? { my: 1 } : {},
          signal: controller.signal,
        });
        for (const c of (companies.data as { id: number; title: string }[]) ?? [])
          found.push({ locationId: c.id, locationTitle: c.title });
      }
      return found;
    },
  );
  if (locations.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No locations are visible with these tokens.'));
    return undefined;
  }
  const current = s.session.location?.locationId;
  const chosen = await s.prompter.pick(
    locations.map((l) => ({
      label: `${l.locationId === current ? '$(check) ' : ''}${l.locationTitle}`,
      description: `#${l.locationId}`,
      detail: l.chainTitle ? vscode.l10n.t('Chain: {0} (#{1})', l.chainTitle, l.chainId!) : undefined,
      value: l,
    })),
    { title: vscode.l10n.t('Select the default location'), matchOnDescription: true, matchOnDetail: true },
  );
  if (!chosen) return undefined;
  await s.session.setLocation(chosen);
  return chosen;
}
