// Who is signed in to the current environment, and the only place tokens are written: sign in with tokens,
// with a login and password (POST /auth), with the local sandbox's demo account, and sign out. Tokens live in
// SecretStorage (TokenStore); this service keeps the current environment's pair in memory for the client.
import * as vscode from 'vscode';
import type { Credentials } from '../api/auth';
import { exchange } from '../api/http-transport';
import type { CatalogSource } from './catalog-source';
import { createClient, type CredentialSource, type RateLimits } from './client-cache';
import { Disposable } from './disposable';
import { isLoopbackUrl, type Environment, type EnvironmentService } from './environments';
import type { AltegioLog } from './log';
import type { SessionProfile, TokenStore } from './token-store';

/** The demo account a local sandbox publishes. */
export interface DemoAccount {
  partnerToken: string;
  userToken?: string;
  userName?: string;
}

export class Auth extends Disposable implements CredentialSource {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires after the environment or its tokens changed (in this window or another) and were read again. */
  readonly onDidChange = this.changed.event;
  private current: Credentials = {};
  private ready: Promise<void>;

  constructor(
    private readonly environments: EnvironmentService,
    private readonly tokens: TokenStore,
    private readonly limits: RateLimits,
    private readonly catalog: CatalogSource,
    private readonly log: AltegioLog,
  ) {
    super();
    this.ready = this.reload();
    this.register(environments.onDidChange(() => (this.ready = this.reload())));
    this.register(tokens.onDidChange(() => (this.ready = this.reload())));
  }

  get environment(): Environment {
    return this.environments.current();
  }

  /** Resolves once the current environment's tokens have been read. */
  async whenReady(): Promise<void> {
    await this.ready;
  }

  get signedIn(): boolean {
    return !!this.current.partnerToken;
  }

  get hasUserToken(): boolean {
    return !!this.current.userToken;
  }

  get profile(): SessionProfile | undefined {
    return this.tokens.profile(this.environment.secretKey);
  }

  /** The current environment's tokens, read by the client at every send. */
  credentials(): Credentials {
    return this.current;
  }

  /** Validates a token pair with a cheap authenticated call, then stores it. */
  async signInWithTokens(partnerToken: string, userToken: string | undefined): Promise<SessionProfile | undefined> {
    const env = this.environment;
    this.log.rememberSecrets([partnerToken, userToken]);
    // A cheap call that proves the tokens: GET /groups needs both, GET /companies only the partner token.
    const probe = this.catalog().requireOperation(userToken ? 'get_chain_list' : 'get_location_list');
    await this.signInClient(env, { partnerToken, userToken }).send({
      operation: probe,
      query: userToken ? {} : { count: 1 },
    });
    await this.store(env, { partnerToken, userToken }, { method: 'tokens' });
    this.log.info(`signed in to ${env.label} with ${userToken ? 'partner and user tokens' : 'a partner token only'}`);
    return this.profile;
  }

  /** POST /auth with the partner token; the password is sent once and never stored. */
  async signInWithPassword(partnerToken: string, login: string, password: string): Promise<SessionProfile | undefined> {
    const env = this.environment;
    this.log.rememberSecrets([partnerToken, password]);
    const response = await this.signInClient(env, { partnerToken }).send({
      operation: this.catalog().requireOperation('authorize_user'),
      body: { login, password },
    });
    const data = response.data as { user_token?: string; name?: string; id?: number } | undefined;
    if (!data?.user_token) throw new Error(vscode.l10n.t('Altegio answered without a user token.'));
    this.log.rememberSecrets([data.user_token]);
    await this.store(
      env,
      { partnerToken, userToken: data.user_token },
      { method: 'password', userName: data.name, userId: data.id },
    );
    this.log.info(`signed in to ${env.label} as ${data.name ?? 'user'} (${login.replace(/.(?=.{3})/g, '•')})`);
    return this.profile;
  }

  /** Signs in to the current (sandbox) environment with the demo account of a sandbox this extension runs. */
  async signInWithDemoAccount(account: DemoAccount): Promise<void> {
    this.log.rememberSecrets([account.partnerToken, account.userToken]);
    await this.store(
      this.environment,
      { partnerToken: account.partnerToken, userToken: account.userToken },
      { method: 'sandbox', userName: account.userName },
    );
  }

  /**
   * A local sandbox publishes its demo credentials on loopback (/__sandbox/info). Signing in from there keeps
   * demo tokens out of settings files, and is only ever done for a loopback URL.
   */
  async signInToLoopbackSandbox(): Promise<boolean> {
    const env = this.environment;
    if (env.id !== 'sandbox' || !isLoopbackUrl(env.baseUrl)) return false;
    try {
      const origin = new URL(env.baseUrl).origin;
      const res = await exchange({ url: `${origin}/__sandbox/info`, method: 'GET', headers: {} }, { timeoutMs: 3000 });
      if (res.status < 200 || res.status > 299) return false;
      const info = JSON.parse(new TextDecoder().decode(res.bytes)) as { credentials?: Partial<DemoAccount> };
      const creds = info.credentials;
      if (!creds?.partnerToken) return false;
      await this.signInWithDemoAccount({ ...creds, partnerToken: creds.partnerToken });
      return true;
    } catch {
      return false;
    }
  }

  async signOut(): Promise<void> {
    const env = this.environment;
    await this.tokens.clear(env.secretKey);
    this.log.info(`signed out of ${env.label}`);
    this.ready = this.reload();
    await this.ready;
  }

  private async store(
    env: Environment,
    credentials: Credentials,
    profile: Omit<SessionProfile, 'signedInAt'>,
  ): Promise<void> {
    await this.tokens.set(env.secretKey, credentials, profile);
    this.ready = this.reload();
    await this.ready;
  }

  /** A one-off client with the tokens being checked, on the environment's rate limiter. */
  private signInClient(env: Environment, credentials: Credentials) {
    return createClient(
      env,
      () => credentials,
      this.limits,
      (e) => {
        if (e.phase === 'end')
          this.log.info(
            `${e.method} ${e.path} → ${e.status ?? e.errorKind} in ${Math.round(e.durationMs)} ms (sign-in)`,
          );
      },
    );
  }

  private async reload(): Promise<void> {
    const env = this.environment;
    this.current = await this.tokens.get(env.secretKey);
    this.log.rememberSecrets([this.current.partnerToken, this.current.userToken]);
    await vscode.commands.executeCommand('setContext', 'altegio.signedIn', this.signedIn);
    await vscode.commands.executeCommand('setContext', 'altegio.environment', env.id);
    this.changed.fire();
  }
}
