// Which Altegio backend requests go to: production, Altegio's hosted mock, the local sandbox or a custom URL.
// Base URLs come from the OpenAPI document's servers; the choice lives in settings (never a token).
import * as vscode from 'vscode';
import { DEFAULT_SANDBOX_PORT, SERVERS } from '../api/servers';
import { Disposable } from './disposable';

export type EnvironmentId = 'production' | 'mock' | 'sandbox' | 'custom';
export const ENVIRONMENT_IDS: readonly EnvironmentId[] = ['production', 'mock', 'sandbox', 'custom'];

export interface Environment {
  id: EnvironmentId;
  label: string;
  baseUrl: string;
  isProduction: boolean;
  /** Production with `altegio.productionReadOnly` on: every write is refused before it is sent. */
  readOnly: boolean;
  /** Secrets are kept per key: a custom URL gets its own key, so tokens never travel to another host. */
  secretKey: string;
}

export class EnvironmentService extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<Environment>());
  readonly onDidChange = this.changed.event;
  /** Set while the extension hosts its own sandbox (Altegio: Start Local Sandbox). */
  private hostedSandboxUrl: string | undefined;

  constructor() {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (
          ['altegio.environment', 'altegio.customBaseUrl', 'altegio.sandbox.url', 'altegio.productionReadOnly'].some(
            (key) => e.affectsConfiguration(key),
          )
        ) {
          this.changed.fire(this.current());
        }
      }),
    );
  }

  current(): Environment {
    const config = vscode.workspace.getConfiguration('altegio');
    const id = config.get<EnvironmentId>('environment', 'sandbox');
    return this.describe(ENVIRONMENT_IDS.includes(id) ? id : 'sandbox');
  }

  describe(id: EnvironmentId): Environment {
    const config = vscode.workspace.getConfiguration('altegio');
    const baseUrl = this.baseUrlFor(id);
    const isProduction = id === 'production';
    return {
      id,
      label: environmentLabel(id),
      baseUrl,
      isProduction,
      readOnly: isProduction && config.get<boolean>('productionReadOnly', true),
      secretKey: id === 'custom' ? `custom:${normaliseUrl(baseUrl)}` : id,
    };
  }

  baseUrlFor(id: EnvironmentId): string {
    const config = vscode.workspace.getConfiguration('altegio');
    if (id === 'custom') return normaliseUrl(config.get<string>('customBaseUrl', ''));
    if (id === 'sandbox') {
      const configured = config.get<string>('sandbox.url', '');
      if (this.hostedSandboxUrl) return this.hostedSandboxUrl;
      if (configured) return normaliseUrl(configured);
    }
    return normaliseUrl(SERVERS[id].replace('{port}', DEFAULT_SANDBOX_PORT));
  }

  async select(id: EnvironmentId): Promise<void> {
    await vscode.workspace.getConfiguration('altegio').update('environment', id, vscode.ConfigurationTarget.Global);
  }

  setHostedSandbox(url: string | undefined): void {
    this.hostedSandboxUrl = url ? normaliseUrl(url) : undefined;
    this.changed.fire(this.current());
  }

  get hostedSandbox(): string | undefined {
    return this.hostedSandboxUrl;
  }
}

export function environmentLabel(id: EnvironmentId): string {
  switch (id) {
    case 'production':
      return vscode.l10n.t('Production');
    case 'mock':
      return vscode.l10n.t('Altegio mock');
    case 'sandbox':
      return vscode.l10n.t('Local sandbox');
    case 'custom':
      return vscode.l10n.t('Custom URL');
  }
}

export function normaliseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** True for http(s) URLs on the loopback interface, where the local sandbox lives. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}
