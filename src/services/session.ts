// The one way requests leave the extension: it knows the environment and its tokens, enforces read-only
// production and destructive-operation confirmations, records history and logs every request (redacted).
import * as vscode from 'vscode';
import nodeFetch from 'node-fetch';
import { AltegioClient, type ApiResponse, type PreparedRequest, type RequestInput } from '../api/client';
import type { Credentials } from '../api/auth';
import { RateLimiter } from '../api/rate-limiter';
import { AltegioError, CancelledError, isAltegioError } from '../api/errors';
import { getCatalog, type OperationSpec } from '../api/catalog';
import { Disposable } from './disposable';
import { EnvironmentService, isLoopbackUrl, type Environment } from './environments';
import { HistoryStore, type HistoryEntry } from './history-store';
import { LocationStore, type SelectedLocation } from './location-store';
import type { AltegioLog } from './log';
import type { Prompter } from './prompter';
import { TokenStore, type SessionProfile } from './token-store';

/** Thrown when the user declines a confirmation: nothing was sent, and nothing needs to be shown. */
export class UserCancelledError extends Error {
  constructor() {
    super(vscode.l10n.t('Cancelled; nothing was sent.'));
    this.name = 'UserCancelledError';
  }
}

/** Production is read-only: the write was refused before anything was sent. */
export class ReadOnlyError extends Error {
  constructor(operation: OperationSpec) {
    super(
      vscode.l10n.t(
        '{0} {1} was not sent: production is read-only (setting "altegio.productionReadOnly"). Turn the setting off to send writes to production.',
        operation.method,
        operation.path,
      ),
    );
    this.name = 'ReadOnlyError';
  }
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  /** A confirmation text that names what will be destroyed (e.g. the card and the location). */
  confirmation?: { message: string; detail: string; button: string };
  /** Replays and tree actions that already asked can skip the generic confirmation. */
  alreadyConfirmed?: boolean;
  source: 'form' | 'palette' | 'tree' | 'history' | 'viewer';
}

export interface Exchange {
  operation: OperationSpec;
  input: RequestInput;
  environment: Environment;
  response?: ApiResponse;
  error?: AltegioError;
  historyId?: string;
}

export class Session extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when the environment, tokens or location change (in this window or another). */
  readonly onDidChange = this.changed.event;
  private readonly exchanged = this.register(new vscode.EventEmitter<Exchange>());
  readonly onDidExchange = this.exchanged.event;
  private readonly rejected = this.register(new vscode.EventEmitter<AltegioError>());
  /** Fires when Altegio answers 401: the tokens were rejected and the user should sign in again. */
  readonly onDidReceiveUnauthorized = this.rejected.event;

  private credentials: Credentials = {};
  private clientCache: { key: string; client: AltegioClient } | undefined;
  private limiter: { key: string; limiter: RateLimiter } | undefined;
  private ready: Promise<void>;
  lastExchange: Exchange | undefined;

  constructor(
    readonly environments: EnvironmentService,
    readonly tokens: TokenStore,
    readonly history: HistoryStore,
    readonly locations: LocationStore,
    readonly log: AltegioLog,
    readonly prompter: Prompter,
  ) {
    super();
    this.ready = this.reload();
    this.register(
      environments.onDidChange(() => {
        this.ready = this.reload();
      }),
    );
    this.register(
      tokens.onDidChange(() => {
        this.ready = this.reload();
      }),
    );
    this.register(locations.onDidChange(() => this.changed.fire()));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('altegio.rateLimit') || e.affectsConfiguration('altegio.requestTimeoutSeconds'))
          this.clientCache = undefined;
      }),
    );
  }

  get environment(): Environment {
    return this.environments.current();
  }

  async whenReady(): Promise<void> {
    await this.ready;
  }

  get signedIn(): boolean {
    return !!this.credentials.partnerToken;
  }

  get hasUserToken(): boolean {
    return !!this.credentials.userToken;
  }

  get profile(): SessionProfile | undefined {
    return this.tokens.profile(this.environment.secretKey);
  }

  get location(): SelectedLocation | undefined {
    return this.locations.get(this.environment.secretKey);
  }

  async setLocation(location: SelectedLocation | undefined): Promise<void> {
    await this.locations.set(this.environment.secretKey, location);
  }

  /** The client for the current environment. Tokens are read at send time, never copied elsewhere. */
  client(): AltegioClient {
    const env = this.environment;
    const config = vscode.workspace.getConfiguration('altegio');
    const perSecond = config.get<number>('rateLimit.perSecond', 5);
    const perMinute = config.get<number>('rateLimit.perMinute', 200);
    const timeoutMs = Math.max(1, config.get<number>('requestTimeoutSeconds', 30)) * 1000;
    const limiterKey = `${env.baseUrl}|${perSecond}|${perMinute}`;
    if (this.limiter?.key !== limiterKey)
      this.limiter = { key: limiterKey, limiter: new RateLimiter({ perSecond, perMinute }) };
    const key = `${limiterKey}|${timeoutMs}`;
    if (this.clientCache?.key !== key) {
      const client = new AltegioClient({
        baseUrl: env.baseUrl,
        credentials: () => this.credentials,
        timeoutMs,
        rateLimiter: this.limiter.limiter,
        userAgent: `altegio-vscode/${vscode.extensions.getExtension('altegio-tools.altegio-vscode')?.packageJSON.version ?? 'dev'} (${vscode.env.appName})`,
        onEvent: (e) => {
          if (e.phase === 'retry')
            this.log.warn(
              `${e.method} ${e.path} retry ${e.attempt}${e.errorKind ? ` after ${e.errorKind}` : ''}${e.status ? ` (${e.status})` : ''}`,
            );
        },
      });
      this.clientCache = { key, client };
    }
    return this.clientCache.client;
  }

  /**
   * Sends one request through every safety rule: read-only production, confirmation of destructive
   * operations, no automatic retry of writes (the client's rule), history and a redacted log line.
   */
  async execute(input: RequestInput, options: ExecuteOptions): Promise<ApiResponse> {
    await this.ready;
    const op = input.operation;
    const env = this.environment;
    if (env.readOnly && !op.readOnly) throw new ReadOnlyError(op);
    if (!options.alreadyConfirmed) await this.confirmIfDestructive(input, options.confirmation);
    const exchange: Exchange = { operation: op, input, environment: env };
    const path = concretePath(op, input);
    try {
      const response = await this.client().send(input);
      exchange.response = response;
      this.log.info(
        `${op.method} ${path} → ${response.status} in ${Math.round(response.durationMs)} ms (${response.sizeBytes} B)${response.attempts > 1 ? `, ${response.attempts} attempts` : ''}`,
      );
      const entry = await this.record(exchange, path);
      exchange.historyId = entry.id;
      return response;
    } catch (e) {
      if (!isAltegioError(e)) throw e;
      exchange.error = e;
      exchange.response = e.response;
      this.log.warn(`${op.method} ${path} → ${e.status ?? e.kind}: ${e.message}`);
      if (e.kind === 'unauthorized') this.rejected.fire(e);
      if (!(e instanceof CancelledError)) {
        const entry = await this.record(exchange, path);
        exchange.historyId = entry.id;
      }
      throw e;
    } finally {
      this.lastExchange = exchange;
      this.exchanged.fire(exchange);
    }
  }

  /** The request as it would be sent, for exports; the exporters mask the Authorization header by default. */
  async prepare(input: RequestInput): Promise<PreparedRequest> {
    await this.ready;
    return this.client().prepare(input, {
      partnerToken: this.credentials.partnerToken ?? 'PARTNER_TOKEN',
      userToken: this.credentials.userToken ?? 'USER_TOKEN',
    });
  }

  /** Background reads for trees and lookups: logged and rate-limited, but not history; never a write. */
  async fetch(input: RequestInput): Promise<ApiResponse> {
    await this.ready;
    const op = input.operation;
    if (!op.readOnly) throw new Error(`fetch() only reads; ${op.id} writes`);
    const path = concretePath(op, input);
    try {
      const response = await this.client().send(input);
      this.log.info(
        `${op.method} ${path} → ${response.status} in ${Math.round(response.durationMs)} ms (${response.sizeBytes} B)`,
      );
      return response;
    } catch (e) {
      if (isAltegioError(e)) {
        this.log.warn(`${op.method} ${path} → ${e.status ?? e.kind}: ${e.message}`);
        if (e.kind === 'unauthorized') this.rejected.fire(e);
      }
      throw e;
    }
  }

  /**
   * Asks before a destructive operation (unless `altegio.confirmDestructiveOperations` is off) and throws
   * UserCancelledError when declined. Read-only production is checked first, so nothing is asked in vain.
   */
  async confirmIfDestructive(input: RequestInput, confirmation?: ExecuteOptions['confirmation']): Promise<void> {
    const op = input.operation;
    const env = this.environment;
    if (env.readOnly && !op.readOnly) throw new ReadOnlyError(op);
    if (
      !op.destructive ||
      !vscode.workspace.getConfiguration('altegio').get<boolean>('confirmDestructiveOperations', true)
    )
      return;
    const c = confirmation ?? {
      message: vscode.l10n.t('Send {0} {1}?', op.method, op.summary),
      detail: vscode.l10n.t(
        '{0} {1}\nEnvironment: {2}\nThis operation changes or removes data and cannot be undone from here.',
        op.method,
        concretePath(op, input),
        env.label,
      ),
      button: op.method === 'DELETE' ? vscode.l10n.t('Delete') : vscode.l10n.t('Send'),
    };
    if (!(await this.prompter.confirm(c.message, c.detail, c.button))) throw new UserCancelledError();
  }

  /** Validates a token pair with a cheap authenticated call, then stores it. */
  async signInWithTokens(
    partnerToken: string,
    userToken: string | undefined,
    method: SessionProfile['method'] = 'tokens',
  ): Promise<SessionProfile> {
    const env = this.environment;
    const client = this.clientFor(env, { partnerToken, userToken });
    this.log.rememberSecrets([partnerToken, userToken]);
    // A cheap call that proves the tokens: GET /groups needs both, GET /companies only the partner token.
    const probe = getCatalog().requireOperation(userToken ? 'get_chain_list' : 'get_location_list');
    await client.send({ operation: probe, query: userToken ? {} : { count: 1 } });
    const profile = { method, userName: undefined, userId: undefined } as Omit<SessionProfile, 'signedInAt'>;
    await this.tokens.set(env.secretKey, { partnerToken, userToken }, profile);
    this.log.info(`signed in to ${env.label} with ${userToken ? 'partner and user tokens' : 'a partner token only'}`);
    await this.reload();
    return this.profile!;
  }

  /** POST /auth with the partner token; the password is sent once and never stored. */
  async signInWithPassword(partnerToken: string, login: string, password: string): Promise<SessionProfile> {
    const env = this.environment;
    const client = this.clientFor(env, { partnerToken });
    this.log.rememberSecrets([partnerToken, password]);
    const auth = getCatalog().requireOperation('authorize_user');
    const response = await client.send({ operation: auth, body: { login, password } });
    const data = response.data as { user_token?: string; name?: string; id?: number } | undefined;
    if (!data?.user_token) throw new Error(vscode.l10n.t('Altegio answered without a user token.'));
    this.log.rememberSecrets([data.user_token]);
    await this.tokens.set(
      env.secretKey,
      { partnerToken, userToken: data.user_token },
      { method: 'password', userName: data.name, userId: data.id },
    );
    this.log.info(`signed in to ${env.label} as ${data.name ?? 'user'} (${login.replace(/.(?=.{3})/g, '•')})`);
    await this.reload();
    return this.profile!;
  }

  async signOut(): Promise<void> {
    const env = this.environment;
    await this.tokens.clear(env.secretKey);
    this.log.info(`signed out of ${env.label}`);
    await this.reload();
  }

  /**
   * The local sandbox publishes its demo credentials on loopback (/__sandbox/info). Signing in from there
   * keeps demo tokens out of settings files, and is only ever done for a loopback URL.
   */
  async signInToLoopbackSandbox(): Promise<boolean> {
    const env = this.environment;
    if (env.id !== 'sandbox' || !isLoopbackUrl(env.baseUrl)) return false;
    try {
      const origin = new URL(env.baseUrl).origin;
      const res = await nodeFetch(`${origin}/__sandbox/info`, { signal: AbortSignal.timeout(3000) });
      if (!res.ok) return false;
      const info = (await res.json()) as {
        credentials?: { partnerToken?: string; userToken?: string; userName?: string };
      };
      const creds = info.credentials;
      if (!creds?.partnerToken) return false;
      this.log.rememberSecrets([creds.partnerToken, creds.userToken]);
      await this.tokens.set(
        env.secretKey,
        { partnerToken: creds.partnerToken, userToken: creds.userToken },
        { method: 'sandbox', userName: creds.userName },
      );
      await this.reload();
      return true;
    } catch {
      return false;
    }
  }

  private clientFor(env: Environment, credentials: Credentials): AltegioClient {
    const config = vscode.workspace.getConfiguration('altegio');
    return new AltegioClient({
      onEvent: (e) => {
        if (e.phase === 'end')
          this.log.info(
            `${e.method} ${e.path} → ${e.status ?? e.errorKind} in ${Math.round(e.durationMs)} ms (sign-in)`,
          );
      },
      baseUrl: env.baseUrl,
      credentials: () => credentials,
      timeoutMs: Math.max(1, config.get<number>('requestTimeoutSeconds', 30)) * 1000,
      // The same limiter as the environment's client: sign-in calls count against Altegio's limit too.
      rateLimiter: this.client() && this.limiter!.limiter,
    });
  }

  private async record(exchange: Exchange, path: string): Promise<HistoryEntry> {
    const { operation: op, input, response, error } = exchange;
    return this.history.add(
      {
        environment: exchange.environment.id,
        operationId: op.id,
        method: op.method,
        path,
        pathParams: input.pathParams ?? {},
        query: input.query ?? {},
        body: input.body,
        status: response?.status ?? error?.status,
        durationMs: response?.durationMs,
        sizeBytes: response?.sizeBytes,
        errorKind: error?.kind,
        errorMessage: error?.message,
      },
      response
        ? {
            status: response.status,
            headers: response.headers,
            body: response.body,
            durationMs: response.durationMs,
            sizeBytes: response.sizeBytes,
          }
        : undefined,
    );
  }

  private async reload(): Promise<void> {
    const env = this.environment;
    this.credentials = await this.tokens.get(env.secretKey);
    this.log.rememberSecrets([this.credentials.partnerToken, this.credentials.userToken]);
    this.clientCache = undefined;
    await vscode.commands.executeCommand('setContext', 'altegio.signedIn', this.signedIn);
    await vscode.commands.executeCommand('setContext', 'altegio.environment', env.id);
    this.changed.fire();
  }
}

/** The path with its parameters filled in, for logs, history and confirmations. */
export function concretePath(op: OperationSpec, input: Pick<RequestInput, 'pathParams'>): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = input.pathParams?.[name];
    return v === undefined || v === '' ? `{${name}}` : encodeURIComponent(String(v));
  });
}
