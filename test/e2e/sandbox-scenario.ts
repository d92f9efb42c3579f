// What the scenarios against the sandbox share: the sandbox CLI and a workbench set to it, started before the
// scenario and stopped after it, and the sidebar once the extension has signed in to the sandbox.
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { startSandboxProcess } from '../harness/sandbox';
import {
  openViewContainer,
  openWorkbench,
  runTreeRowContextMenu,
  waitForTreeRow,
  waitForViews,
  type Workbench,
  type WorkbenchOptions,
} from './helpers';

type SandboxProcess = NonNullable<Awaited<ReturnType<typeof startSandboxProcess>>>;

/** Wide enough for a request form or the response viewer beside the sidebar. */
const VIEWPORT = { width: 1500, height: 950 };

/** One scenario's sandbox CLI and the workbench set to it (screenshots under the scenario's name). */
export class SandboxScenario {
  private sandbox: SandboxProcess | undefined;
  private wb: Workbench | undefined;

  constructor(private readonly name: string) {}

  /** Starts the sandbox CLI, quiet, with `args` besides, and returns its base URL; fails where there is none. */
  async startSandbox(args: string[] = []): Promise<string> {
    const sandbox = await startSandboxProcess({ args: ['--quiet', ...args] });
    assert.ok(sandbox, 'this checkout has no sandbox CLI');
    this.sandbox = sandbox;
    return sandbox.baseUrl;
  }

  /** A workbench whose extension works against the sandbox (its environment and URL set), 1500×950 unless told. */
  async openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
    assert.ok(this.sandbox, 'the sandbox starts before the workbench');
    const settings = { 'altegio.environment': 'sandbox', 'altegio.sandbox.url': this.sandbox.baseUrl };
    this.wb = await openWorkbench(this.name, {
      viewport: VIEWPORT,
      ...options,
      settings: { ...settings, ...options.settings },
    });
    return this.wb;
  }

  /** The workbench first, then the sandbox it talks to; either may not have started. */
  async close(): Promise<void> {
    await this.wb?.close();
    await this.sandbox?.stop();
  }
}

/** Opens the Altegio sidebar and waits until the Business tree lists the sandbox's locations (signed in). */
export async function showSignedInSidebar(page: Page): Promise<void> {
  await openViewContainer(page, 'Altegio');
  await waitForViews(page, ['API', 'Business', 'History']);
  await waitForTreeRow(page, 'Business', /Bloom Beauty - Manhattan/);
}

/** Opens the signed-in sidebar and makes Manhattan the default location (forms prefill it), as the status bar says. */
export async function useManhattanByDefault(page: Page): Promise<void> {
  await showSignedInSidebar(page);
  await runTreeRowContextMenu(page, 'Business', /Bloom Beauty - Manhattan/, 'Use as Default Location');
  await page.locator('.statusbar-item', { hasText: 'Manhattan' }).first().waitFor({ state: 'visible' });
}
