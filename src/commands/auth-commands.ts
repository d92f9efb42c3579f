// Sign in (tokens, or a login and password through POST /auth) and sign out; after a 401, an offer to sign in again.
import * as vscode from 'vscode';
import type { Auth } from '../services/auth';
import type { Prompter } from '../services/prompter';
import type { RequestPipeline } from '../services/request-pipeline';
import type { CommandRegistry } from './command-registry';

export interface AuthCommandsHost {
  auth: Pick<Auth, 'environment' | 'profile' | 'signInWithTokens' | 'signInWithPassword' | 'signOut'>;
  prompter: Prompter;
}

type Method = 'tokens' | 'password' | 'sandbox';

export function registerAuthCommands(registry: CommandRegistry, s: AuthCommandsHost): void {
  registry.register('altegio.signIn', (method?: Method) => signIn(s, method));
  registry.register('altegio.signInWithTokens', () => signIn(s, 'tokens'));
  registry.register('altegio.signInWithPassword', () => signIn(s, 'password'));
  registry.register('altegio.signOut', async () => {
    const env = s.auth.environment;
    await s.auth.signOut();
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Signed out of {0}. The tokens were deleted from the keyring.', env.label),
    );
  });
}

async function signIn(s: AuthCommandsHost, preset?: Method): Promise<boolean> {
  const env = s.auth.environment;
  const title = vscode.l10n.t('Sign in to Altegio ({0})', env.label);
  let method = preset;
  if (!method) {
    const items: { label: string; detail: string; value: Method }[] = [
      {
        label: vscode.l10n.t('$(key) Partner token and user token'),
        detail: vscode.l10n.t('Paste both tokens; they are kept in the OS keyring only.'),
        value: 'tokens',
      },
      {
        label: vscode.l10n.t('$(account) Partner token, then login and password'),
        detail: vscode.l10n.t('The password is sent once to POST /auth and never stored.'),
        value: 'password',
      },
    ];
    if (env.id === 'sandbox')
      items.push({
        label: vscode.l10n.t('$(beaker) Local sandbox demo account'),
        detail: vscode.l10n.t('Starts the local sandbox if needed and signs in with its demo tokens.'),
        value: 'sandbox',
      });
    method = await s.prompter.pick(
      items.map((i) => ({ ...i })),
      { title, placeHolder: vscode.l10n.t('How do you want to sign in?') },
    );
    if (!method) return false;
  }
  if (method === 'sandbox') {
    await vscode.commands.executeCommand('altegio.startSandbox');
    return true;
  }
  const partner = await s.prompter.input({
    title,
    prompt: vscode.l10n.t('Partner token (from your Altegio developer account)'),
    password: true,
    validate: validateToken,
  });
  if (!partner) return false;
  if (method === 'tokens') {
    const user = await s.prompter.input({
      title,
      prompt: vscode.l10n.t('User token (leave empty to use the partner token only)'),
      password: true,
      validate: (v) => (v.trim() === '' ? undefined : validateToken(v)),
    });
    if (user === undefined) return false;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in to {0}…', env.label) },
      () => s.auth.signInWithTokens(partner.trim(), user.trim() || undefined),
    );
  } else {
    const login = await s.prompter.input({
      title,
      prompt: vscode.l10n.t('Login: phone in international format (+13155550175) or email'),
      validate: (v) =>
        /^\+?\d{9,15}$/.test(v.trim()) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim())
          ? undefined
          : vscode.l10n.t('Enter a phone number such as +13155550175 or an email address'),
    });
    if (!login) return false;
    const password = await s.prompter.input({
      title,
      prompt: vscode.l10n.t('Password (sent once, never stored)'),
      password: true,
      validate: (v) => (v ? undefined : vscode.l10n.t('Enter the password')),
    });
    if (!password) return false;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Signing in to {0}…', env.label) },
      () => s.auth.signInWithPassword(partner.trim(), login.trim(), password),
    );
  }
  const profile = s.auth.profile;
  void vscode.window.showInformationMessage(
    profile?.userName
      ? vscode.l10n.t('Signed in to {0} as {1}.', env.label, profile.userName)
      : vscode.l10n.t('Signed in to {0}.', env.label),
  );
  return true;
}

function validateToken(value: string): string | undefined {
  const v = value.trim();
  if (!v) return vscode.l10n.t('Enter the token');
  if (/^(bearer|user)\b/i.test(v)) return vscode.l10n.t('Paste the token only, without "Bearer" or "User"');
  if (/\s/.test(v)) return vscode.l10n.t('A token has no spaces');
  return undefined;
}

/** When Altegio rejects the tokens (401), offers to sign in again, once at a time. */
export function offerSignInOnRejection(
  pipeline: Pick<RequestPipeline, 'onDidReceiveUnauthorized'>,
  auth: Pick<Auth, 'environment'>,
): vscode.Disposable {
  let offering = false;
  return pipeline.onDidReceiveUnauthorized(async () => {
    if (offering) return;
    offering = true;
    try {
      const again = vscode.l10n.t('Sign In Again');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Altegio rejected the tokens for {0} (401). Sign in again?', auth.environment.label),
        again,
      );
      if (choice === again) await vscode.commands.executeCommand('altegio.signIn');
    } finally {
      offering = false;
    }
  });
}
