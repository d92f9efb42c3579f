// Select Environment and Select Location.
import * as vscode from 'vscode';
import type { Auth } from '../services/auth';
import type { BusinessDirectory } from '../services/business-directory';
import {
  ENVIRONMENT_IDS,
  environmentLabel,
  isLoopbackUrl,
  normaliseUrl,
  type EnvironmentId,
  type EnvironmentService,
} from '../services/environments';
import type { LocationStore, SelectedLocation } from '../services/location-store';
import type { Prompter } from '../services/prompter';
import type { CommandRegistry } from './command-registry';

export interface EnvironmentCommandsHost {
  auth: Pick<Auth, 'environment' | 'whenReady' | 'signedIn' | 'hasUserToken' | 'signInToLoopbackSandbox'>;
  environments: Pick<EnvironmentService, 'describe' | 'select'>;
  locations: Pick<LocationStore, 'current' | 'select'>;
  directory: Pick<BusinessDirectory, 'locations'>;
  prompter: Prompter;
}

export function registerEnvironmentCommands(registry: CommandRegistry, s: EnvironmentCommandsHost): void {
  registry.register('altegio.selectEnvironment', () => selectEnvironment(s));
  registry.register('altegio.selectLocation', () => selectLocation(s));
}

async function selectEnvironment(s: EnvironmentCommandsHost): Promise<void> {
  const current = s.auth.environment;
  const items = ENVIRONMENT_IDS.map((id) => {
    const env = s.environments.describe(id);
    return {
      label: `${id === current.id ? '$(check) ' : ''}${environmentLabel(id)}`,
      description: id === 'custom' && !env.baseUrl ? vscode.l10n.t('enter a base URL') : env.baseUrl,
      detail:
        id === 'production'
          ? env.readOnly
            ? vscode.l10n.t('Real business data, read-only: nothing that changes data is sent.')
            : vscode.l10n.t('Real business data: changes are sent (read-only is off).')
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
  await s.environments.select(id);
  await s.auth.whenReady();
  if (!s.auth.signedIn && id === 'sandbox') await s.auth.signInToLoopbackSandbox();
  await s.auth.whenReady();
  if (!s.auth.signedIn) {
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

async function selectLocation(s: EnvironmentCommandsHost): Promise<SelectedLocation | undefined> {
  await s.auth.whenReady();
  if (!s.auth.signedIn) {
    await vscode.commands.executeCommand('altegio.signIn');
    if (!s.auth.signedIn) return undefined;
  }
  const locations = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Loading locations…'), cancellable: true },
    (_p, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return s.directory.locations(controller.signal);
    },
  );
  if (locations.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No locations are visible with these tokens.'));
    return undefined;
  }
  const current = s.locations.current?.locationId;
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
  await s.locations.select(chosen);
  return chosen;
}
