// Partner and user tokens, per environment, in VS Code's SecretStorage and nowhere else.
// Non-secret facts about the session (the user's name and id) live in globalState under the same key.
import * as vscode from 'vscode';
import type { Credentials } from '../api/auth';
import { Disposable } from './disposable';

const SECRET_PREFIX = 'altegio.tokens.';
const PROFILE_PREFIX = 'altegio.profile.';
export const KEYRING_HELP_URL =
  'https://code.visualstudio.com/docs/editor/settings-sync#_troubleshooting-keychain-issues';

export interface SessionProfile {
  userName?: string;
  userId?: number;
  method: 'tokens' | 'password' | 'sandbox';
  signedInAt: string;
}

export class KeyringUnavailableError extends Error {
  constructor(cause: unknown) {
    super(
      vscode.l10n.t(
        'VS Code could not use the operating system keyring, so the tokens were not saved. Nothing was written anywhere else. ({0})',
        String((cause as Error)?.message ?? cause),
      ),
    );
    this.name = 'KeyringUnavailableError';
  }
}

export class TokenStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<string>());
  /** Fires with the environment's secret key, also when another window changed the secret. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {
    super();
    this.register(
      secrets.onDidChange((e) => {
        if (e.key.startsWith(SECRET_PREFIX)) this.changed.fire(e.key.slice(SECRET_PREFIX.length));
      }),
    );
  }

  async get(secretKey: string): Promise<Credentials> {
    const raw = await this.secrets.get(SECRET_PREFIX + secretKey);
    if (!raw) return {};
    try {
      const parsed = JSON.parse(raw) as Credentials;
      return { partnerToken: parsed.partnerToken || undefined, userToken: parsed.userToken || undefined };
    } catch {
      return {};
    }
  }

  async set(secretKey: string, credentials: Credentials, profile: Omit<SessionProfile, 'signedInAt'>): Promise<void> {
    try {
      await this.secrets.store(
        SECRET_PREFIX + secretKey,
        JSON.stringify({
          partnerToken: credentials.partnerToken ?? '',
          userToken: credentials.userToken ?? '',
        }),
      );
    } catch (e) {
      throw new KeyringUnavailableError(e);
    }
    await this.state.update(PROFILE_PREFIX + secretKey, { ...profile, signedInAt: new Date().toISOString() });
  }

  async clear(secretKey: string): Promise<void> {
    await this.secrets.delete(SECRET_PREFIX + secretKey);
    await this.state.update(PROFILE_PREFIX + secretKey, undefined);
  }

  profile(secretKey: string): SessionProfile | undefined {
    return this.state.get<SessionProfile>(PROFILE_PREFIX + secretKey);
  }
}
