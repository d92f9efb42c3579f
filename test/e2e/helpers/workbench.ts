// Opens the real VS Code workbench (code-server + headless Chromium) with the freshly built extension installed,
// one throw-away profile per scenario, and records one screenshot per step.
//
//   const wb = await openWorkbench('sidebar-and-palette');
//   await wb.step('altegio-sidebar-open', async () => { ... });   // → test-results/e2e/sidebar-and-palette/02-altegio-sidebar-open.png
//   await wb.close();
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../harness/browser';
import { startCodeServer, type CodeServer } from '../../harness/code-server';
import { REPO_ROOT } from '../../harness/install-vscode';
import { saveFailureReport } from './failure-report';
import { findCommand } from './quick-input';

export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');

/** The .vsix the scenarios install: the one `npm run test:e2e` just built, unless ALTEGIO_E2E_VSIX says otherwise. */
export const VSIX = process.env.ALTEGIO_E2E_VSIX
  ? path.resolve(process.env.ALTEGIO_E2E_VSIX)
  : path.join(REPO_ROOT, 'dist', 'altegio-vscode.vsix');

/** How long any single wait may take before the step fails (ALTEGIO_E2E_TIMEOUT, in seconds). */
export const STEP_TIMEOUT_MS = Number(process.env.ALTEGIO_E2E_TIMEOUT || 30) * 1000;

/** Added to the harness's quiet settings for every e2e profile. */
const E2E_SETTINGS: Record<string, unknown> = {
  'workbench.editor.empty.hint': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.reduceMotion': 'on',
  'editor.cursorBlinking': 'solid',
  'window.dialogStyle': 'custom',
};

export interface WorkbenchOptions {
  /** Extra user settings for this scenario's profile. */
  settings?: Record<string, unknown>;
  /** Files to create in the workspace folder before the workbench opens (relative path → content). */
  files?: Record<string, string>;
  /** Extension folders to load in development mode (through ?payload), besides the installed .vsix. */
  developmentExtensions?: string[];
  /** Install the Altegio .vsix (default true). */
  installExtension?: boolean;
  /** Activity-bar entry (aria-label prefix) whose appearance means the extension is registered; default "Altegio". */
  readyWhenActivityBarShows?: string | false;
  /** Browser viewport; screenshots have this size. */
  viewport?: { width: number; height: number };
  /** VS Code's display language, e.g. 'ru' (a stub language pack switches `vscode.env.language`). */
  locale?: string;
}

/** The workbenches open now: the root hook (test/e2e/failure-hooks.ts) reports on them when a test fails. */
const openWorkbenches = new Set<Workbench>();

export function workbenchesOpen(): Workbench[] {
  return [...openWorkbenches];
}

export class Workbench {
  private stepCount = 0;
  /** The last error a report was saved for, so that the root hook does not report a failed step twice. */
  private reported: unknown;

  constructor(
    readonly scenario: string,
    readonly page: Page,
    readonly server: CodeServer,
    readonly shotsDir: string,
    private readonly closeBrowser: () => Promise<void>,
    /** Every browser console line so far (also streamed to browser-console.log). */
    readonly consoleLines: readonly string[],
    /** Uncaught errors in the page. */
    readonly consoleErrors: readonly string[],
  ) {
    openWorkbenches.add(this);
  }

  /** The workspace folder the workbench has open. */
  get folder(): string {
    return this.server.folder;
  }

  /**
   * Runs one step of a scenario, then saves `<NN>-<name>.png` (animations disabled). If the step fails, saves
   * the failure report `failed-<NN>-<name>/` instead (see failure-report.ts) and rethrows.
   */
  async step(name: string, action: () => Promise<void>): Promise<void> {
    const file = `${String(++this.stepCount).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}`;
    try {
      await action();
    } catch (e) {
      await this.reportFailure(file, e);
      throw e;
    }
    await this.screenshot(file);
  }

  /**
   * Saves `failed-<name>/`: screenshot, error, browser console, Altegio log, editor layout, code-server log.
   * Once per error: a failed step reports itself, and the root hook reports failures outside of steps.
   */
  async reportFailure(name: string, error: unknown): Promise<void> {
    if (error !== undefined && error === this.reported) return;
    this.reported = error;
    const dir = await saveFailureReport(this, name, error);
    console.log(`      failure report: ${path.relative(REPO_ROOT, dir)}/`);
  }

  /** A screenshot of the whole window, outside of step(). */
  async screenshot(file: string): Promise<string> {
    const target = path.join(this.shotsDir, file.endsWith('.png') ? file : `${file}.png`);
    await this.page.screenshot({ path: target, animations: 'disabled', caret: 'hide' });
    return target;
  }

  /** Stops the browser and code-server and deletes the profile. Safe to call twice. */
  async close(): Promise<void> {
    openWorkbenches.delete(this);
    await this.closeBrowser();
    await this.server.stop();
  }
}

/**
 * Starts code-server in a fresh profile with the extension installed from the .vsix, opens the workbench in
 * headless Chromium and waits until it is ready (the workbench is drawn and the extension's activity-bar entry
 * is there, which means the extension host has registered the extension).
 */
export async function openWorkbench(scenario: string, options: WorkbenchOptions = {}): Promise<Workbench> {
  const install = options.installExtension ?? true;
  if (install && !fs.existsSync(VSIX)) {
    throw new Error(
      `${VSIX} does not exist: run the e2e through \`npm run test:e2e\` (it builds the .vsix), or \`npm run package\` first.`,
    );
  }
  const shotsDir = path.join(RESULTS_DIR, scenario);
  // Old pictures of this scenario would be mistaken for this run's.
  fs.rmSync(shotsDir, { recursive: true, force: true });
  fs.mkdirSync(shotsDir, { recursive: true });

  const server = await startCodeServer({
    label: scenario,
    vsix: install ? [VSIX] : [],
    settings: { ...E2E_SETTINGS, ...(options.settings ?? {}) },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const consoleLines: string[] = [];
  const consoleErrors: string[] = [];
  try {
    for (const [relative, content] of Object.entries(options.files ?? {})) {
      const file = path.join(server.folder, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    browser = await launchChromium({
      profileDir: server.profileDir,
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
    const { page } = browser;
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const consoleLog = fs.createWriteStream(path.join(shotsDir, 'browser-console.log'));
    const logLine = (line: string) => {
      consoleLines.push(line);
      consoleLog.write(`${line}\n`);
    };
    page.on('console', (m) => logLine(`${new Date().toISOString()} [${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => {
      consoleErrors.push(String(e));
      logLine(`${new Date().toISOString()} [pageerror] ${String(e)}`);
    });
    page.on('close', () => consoleLog.end());

    const payload = (options.developmentExtensions ?? []).map((dir): [string, string] => [
      'extensionDevelopmentPath',
      server.remoteUri(dir),
    ]);
    await page.goto(server.workbenchUrl(payload.length > 0 ? { payload } : {}));
    await waitForWorkbenchReady(page, options.readyWhenActivityBarShows ?? 'Altegio');
    const workbench = new Workbench(scenario, page, server, shotsDir, browser.close, consoleLines, consoleErrors);
    return workbench;
  } catch (e) {
    await saveFailureReport({ page: browser?.page, shotsDir, consoleLines, server }, 'open-workbench', e);
    await browser?.close();
    await server.stop();
    throw e;
  }
}

/**
 * Reloads the window as a user does (Developer: Reload Window) and waits for the new workbench. The command only
 * starts the reload: until the page has navigated, the old workbench is still drawn and passes every wait for it
 * (seen: a scenario found the form of the window being unloaded, then lost it to the navigation).
 */
export async function reloadWindow(page: Page, activityBarEntry: string | false = 'Altegio'): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: 60_000,
  });
  await (await findCommand(page, 'Developer: Reload Window')).click();
  await navigated;
  await page.waitForLoadState('domcontentloaded');
  await waitForWorkbenchReady(page, activityBarEntry);
}

/** Waits until the workbench is drawn and, unless `activityBarEntry` is false, that entry is in the activity bar. */
export async function waitForWorkbenchReady(page: Page, activityBarEntry: string | false = 'Altegio'): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
  await page.locator('#workbench\\.parts\\.activitybar').waitFor({ state: 'visible' });
  // The status bar is filled in once the workbench has restored its parts.
  await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible' });
  if (activityBarEntry) {
    await page
      .locator(`.activitybar .action-item a[aria-label^=${JSON.stringify(activityBarEntry)}]`)
      .waitFor({ state: 'visible' });
  }
}
