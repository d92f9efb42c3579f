#!/usr/bin/env node
// `npm run test:integration`: builds the extension and the integration suites (test/integration/**/*.ts →
// dist/test/integration/), then runs them in a real VS Code extension host through @vscode/test-electron's runTests.
//
// Which VS Code:
//   ALTEGIO_VSCODE=code-server  code-server 4.100.3 (VS Code 1.100.3) in headless Chromium, via test/harness/code-shim.js
//   ALTEGIO_VSCODE=desktop      desktop VS Code downloaded by test-electron (needs internet, and a display on Linux)
//   unset                       desktop when update.code.visualstudio.com answers within 3 s, else code-server
// Options: --grep <pattern>     run only the tests whose full title matches (passed to mocha in the extension host)
'use strict';

const dns = require('dns');
const fs = require('fs');
const https = require('https');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { ensureVSCode, REPO_ROOT } = require('./install-vscode');

const log = (msg) => console.log(`[integration] ${msg}`);

/** True when the VS Code update service answers quickly: only then can test-electron download desktop VS Code. */
async function canDownloadDesktopVSCode(timeoutMs = 3000) {
  const host = 'update.code.visualstudio.com';
  const attempt = (async () => {
    await dns.promises.lookup(host);
    return new Promise((resolve) => {
      const req = https.request({ host, path: '/api/releases/stable', method: 'HEAD', timeout: timeoutMs }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
      req.on('error', () => resolve(false));
      req.end();
    });
  })().catch(() => false);
  let timer;
  const timeout = new Promise((r) => {
    timer = setTimeout(() => r(false), timeoutMs);
  });
  const online = await Promise.race([attempt, timeout]);
  clearTimeout(timer);
  return online;
}

async function chooseVSCode() {
  const wanted = process.env.ALTEGIO_VSCODE;
  if (wanted === 'code-server' || wanted === 'desktop') return wanted;
  if (wanted) throw new Error(`ALTEGIO_VSCODE must be "code-server" or "desktop", not "${wanted}".`);
  return (await canDownloadDesktopVSCode()) ? 'desktop' : 'code-server';
}

function grepFromArgs(argv) {
  const i = argv.findIndex((a) => a === '--grep' || a === '-g' || a.startsWith('--grep='));
  if (i < 0) return undefined;
  return argv[i].startsWith('--grep=') ? argv[i].slice('--grep='.length) : argv[i + 1];
}

async function main() {
  const started = Date.now();
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'esbuild.js'), '--tests'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error(`the build failed (node esbuild.js --tests exited with ${build.status})`);
  const testsEntry = path.join(REPO_ROOT, 'dist', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsEntry)) throw new Error(`${testsEntry} was not built: is test/integration/index.ts there?`);

  const flavour = await chooseVSCode();
  const { runTests } = require('@vscode/test-electron');
  // A throw-away workspace, user-data and extensions folder for every run.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'altegio-integration-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace);
  const grep = grepFromArgs(process.argv.slice(2));
  const options = {
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: testsEntry,
    launchArgs: [
      workspace,
      '--disable-extensions',
      `--user-data-dir=${path.join(scratch, 'user-data')}`,
      `--extensions-dir=${path.join(scratch, 'extensions')}`,
    ],
    extensionTestsEnv: { ALTEGIO_INTEGRATION: '1', ...(grep ? { ALTEGIO_TEST_GREP: grep } : {}) },
  };
  try {
    if (flavour === 'code-server') {
      await ensureVSCode();
      log('VS Code: code-server (offline, or ALTEGIO_VSCODE=code-server) through test/harness/code-shim.js');
      await runTests({ ...options, vscodeExecutablePath: path.join(__dirname, 'code-shim.js') });
    } else {
      log('VS Code: desktop, downloaded by @vscode/test-electron');
      await runTests(options);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
  log(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`[integration] FAILED: ${e && e.message ? e.message : e}`);
  process.exitCode = 1;
});
