// Runs the local sandbox inside the extension host (Altegio: Start Local Sandbox) on a free loopback port,
// switches to it and signs in with its demo credentials.
import * as vscode from 'vscode';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { Disposable } from './disposable';
import type { Session } from './session';

export class SandboxHost extends Disposable {
  private handle: SandboxHandle | undefined;
  private starting: Promise<SandboxHandle> | undefined;

  constructor(
    private readonly session: Session,
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
      if (this.session.environment.id !== 'sandbox') await this.session.environments.select('sandbox');
      await this.session.whenReady();
      if (!this.session.signedIn) await this.signIn(this.handle);
      return this.handle;
    }
    this.starting ??= (async () => {
      const keep = vscode.workspace.getConfiguration('altegio').get<boolean>('sandbox.keepData', false);
      let dataFile: string | undefined;
      if (keep) {
        await vscode.workspace.fs.createDirectory(this.storage);
        dataFile = vscode.Uri.joinPath(this.storage, 'sandbox-data.json').fsPath;
      }
      const handle = await startSandbox({
        port: 0,
        dataFile,
        log: (line) => this.session.log.info(`[sandbox] ${line}`),
      });
      this.handle = handle;
      this.session.log.info(`local sandbox listening at ${handle.baseUrl}`);
      this.session.environments.setHostedSandbox(handle.baseUrl);
      if (this.session.environment.id !== 'sandbox') await this.session.environments.select('sandbox');
      await this.session.whenReady();
      await this.signIn(handle);
      await vscode.commands.executeCommand('setContext', 'altegio.sandboxRunning', true);
      return handle;
    })();
    try {
      return await this.starting;
    } finally {
      this.starting = undefined;
    }
  }

  private async signIn(handle: SandboxHandle): Promise<void> {
    this.session.log.rememberSecrets([handle.credentials.partnerToken, handle.credentials.userToken]);
    await this.session.tokens.set(
      this.session.environment.secretKey,
      { partnerToken: handle.credentials.partnerToken, userToken: handle.credentials.userToken },
      { method: 'sandbox', userName: handle.credentials.userName },
    );
    await this.session.whenReady();
  }

  async stop(): Promise<boolean> {
    const handle = this.handle;
    if (!handle) return false;
    this.handle = undefined;
    await handle.close();
    this.session.environments.setHostedSandbox(undefined);
    await vscode.commands.executeCommand('setContext', 'altegio.sandboxRunning', false);
    this.session.log.info('local sandbox stopped');
    return true;
  }

  override dispose(): void {
    void this.handle?.close();
    this.handle = undefined;
    super.dispose();
  }
}
