// Runs the local sandbox inside the extension host (Altegio: Start Local Sandbox) on a free loopback port,
// switches to it and signs in with its demo account through the auth service.
import * as vscode from 'vscode';
import type * as Sandbox from '../sandbox';
import type { SandboxHandle } from '../sandbox';
import type { Auth } from './auth';
import type { CatalogSource } from './catalog-source';
import { Disposable } from './disposable';
import type { EnvironmentService } from './environments';
import type { AltegioLog } from './log';

export class SandboxHost extends Disposable {
  private handle: SandboxHandle | undefined;
  private starting: Promise<SandboxHandle> | undefined;

  constructor(
    private readonly environments: EnvironmentService,
    private readonly auth: Auth,
    private readonly catalog: CatalogSource,
    private readonly log: AltegioLog,
    private readonly storage: vscode.Uri,
  ) {
    super();
  }

  get running(): SandboxHandle | undefined {
    return this.handle;
  }

  async start(): Promise<SandboxHandle> {
    if (this.handle) {
      // Already running: make sure it is the current environment and that someone is signed in to it.
      await this.useSandboxEnvironment();
      if (!this.auth.signedIn) await this.auth.signInWithDemoAccount(this.handle.credentials);
      return this.handle;
    }
    this.starting ??= (async () => {
      const keep = vscode.workspace.getConfiguration('altegio').get<boolean>('sandbox.keepData', false);
      let dataFile: string | undefined;
      if (keep) {
        await vscode.workspace.fs.createDirectory(this.storage);
        dataFile = vscode.Uri.joinPath(this.storage, 'sandbox-data.json').fsPath;
      }
      // The sandbox server is a bundle of its own (dist/sandbox-server.js, see esbuild.js), loaded on first start.
      const { startSandbox } = require('../sandbox') as typeof Sandbox;
      const handle = await startSandbox({
        port: 0,
        dataFile,
        catalog: this.catalog(),
        log: (line) => this.log.info(`[sandbox] ${line}`),
      });
      this.handle = handle;
      this.log.info(`local sandbox listening at ${handle.baseUrl}`);
      this.environments.setHostedSandbox(handle.baseUrl);
      await this.useSandboxEnvironment();
      await this.auth.signInWithDemoAccount(handle.credentials);
      await vscode.commands.executeCommand('setContext', 'altegio.sandboxRunning', true);
      return handle;
    })();
    try {
      return await this.starting;
    } finally {
      this.starting = undefined;
    }
  }

  async stop(): Promise<boolean> {
    const handle = this.handle;
    if (!handle) return false;
    this.handle = undefined;
    await handle.close();
    this.environments.setHostedSandbox(undefined);
    await vscode.commands.executeCommand('setContext', 'altegio.sandboxRunning', false);
    this.log.info('local sandbox stopped');
    return true;
  }

  override dispose(): void {
    void this.handle?.close();
    this.handle = undefined;
    super.dispose();
  }

  private async useSandboxEnvironment(): Promise<void> {
    if (this.environments.current().id !== 'sandbox') await this.environments.select('sandbox');
    await this.auth.whenReady();
  }
}
