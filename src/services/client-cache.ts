// The HTTP clients of the environments. Each base URL has one rate limiter (sign-in checks count against
// Altegio's limit too); the current environment's client is cached until the settings, the environment or
// the tokens change. Tokens are read at send time, never copied into a client.
import * as vscode from 'vscode';
import type { Credentials } from '../api/auth';
import { AltegioClient, type RequestEvent } from '../api/client';
import { RateLimiter } from '../api/rate-limiter';
import { Disposable } from './disposable';
import type { Environment } from './environments';
import type { AltegioLog } from './log';

/** Where the current environment's tokens come from (the auth service). */
export interface CredentialSource {
  readonly environment: Environment;
  credentials(): Credentials;
  readonly onDidChange: vscode.Event<void>;
}

export class RateLimits {
  private readonly limiters = new Map<string, RateLimiter>();

  /** The limiter of a base URL under the current `altegio.rateLimit` settings. */
  limiterFor(baseUrl: string): RateLimiter {
    const config = vscode.workspace.getConfiguration('altegio');
    const perSecond = config.get<number>('rateLimit.perSecond', 5);
    const perMinute = config.get<number>('rateLimit.perMinute', 200);
    const key = `${baseUrl}|${perSecond}|${perMinute}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      for (const old of this.limiters.keys()) if (old.startsWith(`${baseUrl}|`)) this.limiters.delete(old);
      limiter = new RateLimiter({ perSecond, perMinute });
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}

/** A client for `env` under the current settings (timeout, rate limit), reading its tokens from `credentials`. */
export function createClient(
  env: Environment,
  credentials: () => Credentials,
  limits: RateLimits,
  onEvent?: (e: RequestEvent) => void,
): AltegioClient {
  const config = vscode.workspace.getConfiguration('altegio');
  const version =
    (vscode.extensions.getExtension('altegio-tools.altegio-vscode')?.packageJSON as { version?: string } | undefined)
      ?.version ?? 'dev';
  return new AltegioClient({
    baseUrl: env.baseUrl,
    credentials,
    timeoutMs: Math.max(1, config.get<number>('requestTimeoutSeconds', 30)) * 1000,
    rateLimiter: limits.limiterFor(env.baseUrl),
    userAgent: `altegio-vscode/${version} (${vscode.env.appName})`,
    ...(onEvent ? { onEvent } : {}),
  });
}

export class ClientCache extends Disposable {
  private cached: { key: string; client: AltegioClient } | undefined;

  constructor(
    private readonly auth: CredentialSource,
    private readonly limits: RateLimits,
    private readonly log: AltegioLog,
  ) {
    super();
    this.register(auth.onDidChange(() => (this.cached = undefined)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('altegio.rateLimit') || e.affectsConfiguration('altegio.requestTimeoutSeconds'))
          this.cached = undefined;
      }),
    );
  }

  /** The client of the current environment. */
  current(): AltegioClient {
    const env = this.auth.environment;
    const key = env.baseUrl;
    if (this.cached?.key !== key) {
      const client = createClient(
        env,
        () => this.auth.credentials(),
        this.limits,
        (e) => {
          if (e.phase === 'retry')
            this.log.warn(
              `${e.method} ${e.path} retry ${e.attempt}${e.errorKind ? ` after ${e.errorKind}` : ''}${e.status ? ` (${e.status})` : ''}`,
            );
        },
      );
      this.cached = { key, client };
    }
    return this.cached.client;
  }
}
