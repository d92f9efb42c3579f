// Activation, sidebar, first tree expand and first form open in the real VS Code (code-server 1.100.3 and its Node
// extension host, driven by headless Chromium), each run in a fresh code-server with the packaged .vsix installed.
//
// Activation is VS Code's own figure: the extension host's performance marks `code/extHost/willLoadExtensionCode/<id>`
// → `didActivateExtension/<id>` (what "Developer: Show Running Extensions" shows as load + activate), read by a probe
// extension (bench/probe-extension) loaded beside ours. The activation is caused the way a user causes it: a click on
// the Altegio entry of the activity bar (the `onView` activation event).
//
// Beside it, the floor VS Code sets: the same figure for a baseline extension that is our package.json (everything it
// contributes: the activity bar entry, views, welcome content, commands, menus…) with bench/baseline-extension as its
// code, whose activate() only gives each view an empty tree, measured the same way in fresh hosts of its own,
// alternating with ours so that both see the same load on the machine.
// Before it calls activate(), VS Code fetches the extension's context (globalState, workspaceState) from the
// workbench, which in code-server is a round trip to the browser, busy at that moment drawing the views just
// opened: the baseline pays that as we do.
//
// The user-visible figures are measured in the workbench page, from the pointer press to the DOM showing the result:
// the API tree's sections after the click on the activity bar, a section's operations after the click on its twistie.
// The form is in a cross-origin webview, so its figure is taken from the bench's side: from the click to the form's
// header being visible in the new webview frame.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Locator, Page } from 'playwright-core';
import { median, round, type Figure } from './report';

const ROOT = path.resolve(__dirname, '..');
const VSIX = path.join(ROOT, 'dist', 'altegio-vscode.vsix');
const PROBE = path.join(__dirname, 'probe-extension');
const BASELINE_SOURCE = path.join(__dirname, 'baseline-extension');
const BASELINE_DIR = path.join(ROOT, 'bench-results', 'baseline-extension');
const BASELINE_VSIX = path.join(ROOT, 'bench-results', 'altegio-bench-baseline.vsix');
const EXTENSION_ID = 'altegio-tools.altegio-vscode';
const BASELINE_ID = 'altegio-tools.altegio-bench-baseline';
const FORM_RENDERED = 'altegio-form-app header';
/** A section near the top of the tree (no scrolling) and its first operation's row label prefix. */
const SECTION = 'Locations';

interface CodeServer {
  profileDir: string;
  folder: string;
  workbenchUrl(query?: { folder?: string; payload?: [string, string][] }): string;
  remoteUri(p: string): string;
  stop(): Promise<void>;
}
interface Harness {
  startCodeServer(options: {
    label?: string;
    vsix?: string[];
    settings?: Record<string, unknown>;
  }): Promise<CodeServer>;
  launchChromium(options: {
    profileDir: string;
    viewport?: { width: number; height: number };
  }): Promise<{ page: Page; close(): Promise<void> }>;
}

const harness: Harness = {
  ...(require('../test/harness/code-server') as Pick<Harness, 'startCodeServer'>),
  ...(require('../test/harness/browser') as Pick<Harness, 'launchChromium'>),
};

export interface HostRun {
  /** willLoadExtensionCode → didActivateExtension. */
  activationMs: number;
  codeLoadMs: number;
  /**
   * didLoadExtensionCode → willActivateExtension: VS Code waits for the extension's context (its globalState,
   * workspaceState and storage, fetched from the workbench in parallel with the code load) before calling activate().
   */
  contextWaitMs: number;
  /** willActivateExtension → didActivateExtension (activate() and the promise it returns). */
  activateMs: number;
  sidebarMs: number;
  firstExpandMs: number;
  firstFormMs: number;
}

/**
 * Runs in the workbench page (a string: tsx would wrap named functions in a helper the page lacks). Records the
 * time of the next pointer press and of the first mutation after it that makes `window.__benchDone()` true.
 */
const WATCH = `(condition) => {
  window.__bench = { pressed: undefined, shown: undefined };
  const done = new Function('return (' + condition + ')()');
  document.addEventListener('pointerdown', () => { window.__bench.pressed ??= performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (window.__bench.pressed !== undefined && done()) {
      window.__bench.shown = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
}`;

/** A row of the API view with this label, rendered. */
const apiRow = (label: string, level: number) => `() => [...document.querySelectorAll('.pane')]
  .filter((p) => p.querySelector('.pane-header')?.getAttribute('aria-label') === 'API Section')
  .some((p) => [...p.querySelectorAll('.monaco-list-row[role="treeitem"][aria-level="${level}"]')]
    .some((r) => ${label ? `r.querySelector('.label-name')?.textContent === ${JSON.stringify(label)}` : 'true'}))`;

async function watch(page: Page, condition: string): Promise<void> {
  await page.evaluate(`(${WATCH})(${JSON.stringify(condition)})`);
}

async function watched(page: Page, timeoutMs = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    'window.__bench && window.__bench.shown !== undefined && window.__bench.shown - window.__bench.pressed',
    undefined,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return Number(await handle.jsonValue());
}

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      if (text.endsWith('}')) return text;
    }
    if (Date.now() > deadline) throw new Error(`the probe extension wrote no ${file} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Activation = Pick<HostRun, 'activationMs' | 'codeLoadMs' | 'contextWaitMs' | 'activateMs'>;

/** Waits for the probe's report on `id` (written once it is active) and reads VS Code's marks from it. */
async function activationOf(server: CodeServer, id: string): Promise<Activation> {
  return activationFigures(await waitForFile(path.join(server.folder, '.bench', `activation-${id}.json`), 60_000), id);
}

function activationFigures(json: string, id: string): Activation {
  const report = JSON.parse(json) as {
    wasActiveWhenProbeStarted: boolean;
    marks: { name: string; startTime: number }[];
  };
  if (report.wasActiveWhenProbeStarted)
    throw new Error(`${id} was already active before the bench opened its view: the figure would not be a cold one`);
  const at = (mark: string) => {
    const found = report.marks.find((m) => m.name === `code/extHost/${mark}/${id}`);
    if (!found) throw new Error(`the extension host recorded no ${mark} mark for ${id}`);
    return found.startTime;
  };
  return {
    activationMs: at('didActivateExtension') - at('willLoadExtensionCode'),
    codeLoadMs: at('didLoadExtensionCode') - at('willLoadExtensionCode'),
    contextWaitMs: at('willActivateExtension') - at('didLoadExtensionCode'),
    activateMs: at('didActivateExtension') - at('willActivateExtension'),
  };
}

/** Resolves when any frame attached after now shows `selector`. */
function frameShowing(page: Page, selector: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no webview showed ${selector} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onFrame = (frame: Frame) => {
      frame
        .waitForSelector(selector, { state: 'visible', timeout: timeoutMs })
        .then(() => {
          clearTimeout(timer);
          page.off('frameattached', onFrame);
          resolve();
        })
        .catch(() => undefined);
    };
    page.on('frameattached', onFrame);
  });
}

/** A fresh code-server with `vsix` installed and the probe beside it, its workbench open in a fresh Chromium. */
async function withHost<T>(
  label: string,
  vsix: string,
  activityBarEntry: string,
  measure: (page: Page, entry: Locator, server: CodeServer) => Promise<T>,
): Promise<T> {
  const server = await harness.startCodeServer({
    label,
    vsix: [vsix],
    // A sandbox URL where nothing listens: the extension starts signed out, whatever else runs on this machine.
    settings: { 'altegio.environment': 'sandbox', 'altegio.sandbox.url': 'http://127.0.0.1:9/api/v1' },
  });
  let browser: Awaited<ReturnType<Harness['launchChromium']>> | undefined;
  try {
    browser = await harness.launchChromium({ profileDir: server.profileDir, viewport: { width: 1400, height: 1000 } });
    const { page } = browser;
    page.setDefaultTimeout(60_000);
    await page.goto(server.workbenchUrl({ payload: [['extensionDevelopmentPath', server.remoteUri(PROBE)]] }));
    const entry = page.locator(`.activitybar .action-item a[aria-label^="${activityBarEntry}"]`);
    await entry.waitFor({ state: 'visible' });
    await page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible' });
    // Let the workbench and the extension host finish starting (the probe activates on startup finished), so that
    // the figures are about the extension, not about the rest of the start-up competing for the two cores.
    await page.waitForTimeout(2000);
    return await measure(page, entry, server);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

function oneHost(run: number): Promise<HostRun> {
  return withHost(`bench-host-${run}`, VSIX, 'Altegio', async (page, altegio, server) => {
    await watch(page, apiRow('', 1));
    await altegio.click();
    const sidebarMs = await watched(page);
    const activation = await activationOf(server, EXTENSION_ID);

    const section = page
      .locator('.monaco-list-row[role="treeitem"][aria-level="1"]')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${SECTION}$`) }) })
      .first();
    await watch(page, apiRow('', 2));
    await section.locator('.monaco-tl-twistie').click();
    const firstExpandMs = await watched(page);

    const operation = page.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first();
    await operation.waitFor({ state: 'visible' });
    const shown = frameShowing(page, FORM_RENDERED, 60_000);
    const clicked = performance.now();
    await operation.click();
    await shown;
    const firstFormMs = performance.now() - clicked;

    return { ...activation, sidebarMs, firstExpandMs, firstFormMs };
  });
}

function oneBaselineHost(run: number): Promise<Activation> {
  return withHost(`bench-baseline-${run}`, BASELINE_VSIX, 'Altegio', async (_page, entry, server) => {
    await entry.click();
    return activationOf(server, BASELINE_ID);
  });
}

export async function benchExtensionHost(runs = 5): Promise<{ figures: Figure[]; results: Record<string, number> }> {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first.`);
  await packageBaseline();
  const all: HostRun[] = [];
  const baselines: Activation[] = [];
  for (let i = 1; i <= runs; i++) {
    const r = await oneHost(i);
    console.log(
      `  host ${i}: activation ${r.activationMs} ms (code load ${r.codeLoadMs}, waiting for VS Code's context ` +
        `${r.contextWaitMs}, activate ${r.activateMs}); ` +
        `sidebar ${round(r.sidebarMs)} ms, first expand ${round(r.firstExpandMs)} ms, first form ${round(r.firstFormMs)} ms`,
    );
    all.push(r);
    const b = await oneBaselineHost(i);
    console.log(
      `  baseline host ${i}: activation ${b.activationMs} ms (code load ${b.codeLoadMs}, waiting for VS Code's ` +
        `context ${b.contextWaitMs}, activate ${b.activateMs})`,
    );
    baselines.push(b);
  }
  const m = (key: keyof HostRun) => round(median(all.map((r) => r[key])));
  const b = (key: keyof Activation) => round(median(baselines.map((r) => r[key])));
  const results = {
    'activation.ms': m('activationMs'),
    'activation.codeLoadMs': m('codeLoadMs'),
    'activation.contextWaitMs': m('contextWaitMs'),
    'activation.activateMs': m('activateMs'),
    'activation.baselineMs': b('activationMs'),
    'activation.baselineCodeLoadMs': b('codeLoadMs'),
    'activation.baselineContextWaitMs': b('contextWaitMs'),
    'activation.baselineActivateMs': b('activateMs'),
    'ui.sidebarMs': m('sidebarMs'),
    'ui.firstExpandMs': m('firstExpandMs'),
    'ui.firstFormMs': m('firstFormMs'),
  };
  const how = `median of ${runs} fresh hosts`;
  const figures: Figure[] = [
    {
      name: 'activation in the real extension host (load + activate)',
      value: `${results['activation.ms']} ms (code load ${results['activation.codeLoadMs']}, VS Code's context ${results['activation.contextWaitMs']}, activate ${results['activation.activateMs']})`,
      goal: '≤ 10 ms',
      met: results['activation.ms'] <= 10,
      note: `VS Code's marks, ${how}`,
    },
    {
      name: 'activation of a baseline extension with our views and an empty activate()',
      value: `${results['activation.baselineMs']} ms (code load ${results['activation.baselineCodeLoadMs']}, VS Code's context ${results['activation.baselineContextWaitMs']}, activate ${results['activation.baselineActivateMs']})`,
      goal: '',
      note: `the floor VS Code sets; same marks, ${how} of its own`,
    },
    {
      name: 'sidebar: click on Altegio → API sections shown',
      value: `${results['ui.sidebarMs']} ms`,
      goal: 'no slower',
      note: how,
    },
    {
      name: 'first expand of a tree section',
      value: `${results['ui.firstExpandMs']} ms`,
      goal: 'no slower',
      note: `click → operations shown, ${how}`,
    },
    {
      name: 'first form open',
      value: `${results['ui.firstFormMs']} ms`,
      goal: 'no slower',
      note: `click → form header visible, ${how}`,
    },
  ];
  return { figures, results };
}

/**
 * Builds the baseline extension: our package.json, its strings and the files its contributions name, with
 * bench/baseline-extension/extension.js as its code, packaged as a .vsix the baseline hosts install (never beside ours).
 */
async function packageBaseline(): Promise<void> {
  const ours = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const manifest = {
    ...ours,
    name: BASELINE_ID.split('.')[1],
    displayName: 'Altegio bench baseline',
    description: "npm run bench's baseline: Altegio's manifest, an activate() that gives its views empty trees",
    main: './extension.js',
    scripts: undefined,
    dependencies: undefined,
    devDependencies: undefined,
  };
  fs.rmSync(BASELINE_DIR, { recursive: true, force: true });
  fs.mkdirSync(BASELINE_DIR, { recursive: true });
  fs.writeFileSync(path.join(BASELINE_DIR, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const file of ['package.nls.json', 'package.nls.ru.json', 'l10n', 'media', 'syntaxes'])
    fs.cpSync(path.join(ROOT, file), path.join(BASELINE_DIR, file), { recursive: true });
  fs.copyFileSync(path.join(BASELINE_SOURCE, 'extension.js'), path.join(BASELINE_DIR, 'extension.js'));
  const { createVSIX } = require('@vscode/vsce') as {
    createVSIX(options: Record<string, unknown>): Promise<unknown>;
  };
  const log = console.log;
  const warn = console.warn;
  // vsce lists the files it packs and warns about what a real extension would need.
  console.log = console.warn = () => undefined;
  try {
    await createVSIX({
      cwd: BASELINE_DIR,
      packagePath: BASELINE_VSIX,
      dependencies: false,
      skipLicense: true,
      allowMissingRepository: true,
    });
  } finally {
    console.log = log;
    console.warn = warn;
  }
}
