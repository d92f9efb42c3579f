#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }) on machines where
// desktop VS Code cannot be downloaded. It accepts the desktop CLI arguments test-electron passes and runs the same
// tests in code-server's real Node extension host instead:
//   start an isolated code-server → open the workbench in headless Chromium with
//   ?payload=[["extensionDevelopmentPath",…],["extensionTestsPath",…]] → the workbench loads the extension under
//   development, require()s the tests module and calls its run() → the extension host's console (mocha's spec
//   output) arrives through window.codeAutomationLog and its exit code through window.codeAutomationExit.
// Exits with the tests' exit code; the server, the browser and the profile are always removed.
//
// Environment: ALTEGIO_TEST_TIMEOUT  seconds for the whole run (default 900; a guard against a hung host, not a timing target)
//              ALTEGIO_DEBUG_CONSOLE=1  also print the workbench's own browser console
'use strict';

const fs = require('fs');
const path = require('path');
const { startCodeServer } = require('./code-server');
const { launchChromium } = require('./browser');
const { cleanupAll } = require('./cleanup');
const { CODE_SERVER_VERSION, VSCODE_VERSION, REPO_ROOT } = require('./install-vscode');

const log = (msg) => console.log(`[code-shim] ${msg}`);

/** test-electron passes `--name=value`; people calling us by hand may write `--name value`. */
function parseArgs(argv) {
  const parsed = { extensionDevelopmentPath: [], extensionTestsPath: undefined, folder: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      parsed.folder ??= a;
      continue;
    }
    const [, name, inline] = m;
    const takesValue = [
      'extensionDevelopmentPath',
      'extensionTestsPath',
      'user-data-dir',
      'extensions-dir',
      'folder-uri',
    ].includes(name);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    if (name === 'extensionDevelopmentPath') parsed.extensionDevelopmentPath.push(path.resolve(value));
    else if (name === 'extensionTestsPath') parsed.extensionTestsPath = path.resolve(value);
    else parsed.ignored.push(a); // --no-sandbox, --disable-updates, --user-data-dir (we always use a fresh profile)…
  }
  return parsed;
}

/**
 * What the workbench itself logs on every start, offline (connection set-up, the extension gallery it cannot reach):
 * shown only with ALTEGIO_DEBUG_CONSOLE=1, so that the test output is the tests' output.
 */
const WORKBENCH_NOISE =
  /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|getaddrinfo ENOTFOUND open-vsx\.org)/;

/** Forwards one console call of the extension host (type: log/info/warn/error, args: already-serialised values). */
function forwardLog(type, args) {
  const list = Array.isArray(args) ? args : [args];
  if (process.env.ALTEGIO_DEBUG_CONSOLE !== '1' && typeof list[0] === 'string' && WORKBENCH_NOISE.test(list[0])) return;
  (type === 'error' || type === 'warn' ? console.error : console.log)(...list);
}

async function main(argv) {
  if (argv.includes('--version')) {
    console.log(`${VSCODE_VERSION}\ncode-server ${CODE_SERVER_VERSION} shim\nx64`);
    return 0;
  }
  const args = parseArgs(argv);
  if (args.extensionDevelopmentPath.length === 0 || !args.extensionTestsPath) {
    console.error(
      `[code-shim] need --extensionDevelopmentPath=<folder> and --extensionTestsPath=<module>; got: ${argv.join(' ')}`,
    );
    return 2;
  }
  const timeoutMs = Number(process.env.ALTEGIO_TEST_TIMEOUT || 900) * 1000;
  const started = Date.now();

  const server = await startCodeServer({
    label: 'integration',
    ...(args.folder ? { folder: path.resolve(args.folder) } : {}),
  });
  log(`code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) on ${server.url}, profile ${server.profileDir}`);
  const browser = await launchChromium({ profileDir: server.profileDir, viewport: { width: 1280, height: 800 } });
  const { page } = browser;
  try {
    let resolveExit;
    const testsExited = new Promise((r) => {
      resolveExit = r;
    });
    await page.exposeFunction('codeAutomationLog', forwardLog);
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    page.on('pageerror', (e) => console.error(`[code-shim] workbench error: ${String(e).split('\n')[0]}`));
    if (process.env.ALTEGIO_DEBUG_CONSOLE === '1')
      page.on('console', (m) => console.log(`[workbench console.${m.type()}] ${m.text()}`));

    const payload = [
      ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', server.remoteUri(p)]),
      ['extensionTestsPath', server.remoteUri(args.extensionTestsPath)],
    ];
    await page.goto(server.workbenchUrl({ payload }));

    let timer;
    const outcome = await Promise.race([
      testsExited.then((code) => ({ code })),
      new Promise((r) => {
        timer = setTimeout(
          () => r({ failure: `no result within ${timeoutMs / 1000} s (ALTEGIO_TEST_TIMEOUT)` }),
          timeoutMs,
        );
      }),
      new Promise((r) => page.once('crash', () => r({ failure: 'the workbench page crashed' }))),
      server.exited.then((code) => ({ failure: `code-server exited (${code}); log: ${server.logFile}` })),
    ]);
    clearTimeout(timer);
    if (outcome.failure) {
      const shot = path.join(REPO_ROOT, 'test-results', 'integration', 'failure.png');
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`[code-shim] FAILED: ${outcome.failure}. Screenshot: ${shot}`);
      return 1;
    }
    log(`extension host exited with code ${outcome.code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return outcome.code === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.stdout.write('', () => process.exit(code)), // flush piped stdout before exiting
  (e) => {
    console.error(`[code-shim] ${e && e.stack ? e.stack : e}`);
    cleanupAll().finally(() => process.exit(1));
  },
);
