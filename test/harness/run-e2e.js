#!/usr/bin/env node
// `npm run test:e2e`: makes sure code-server and Chromium are there, builds the .vsix the scenarios install
// (`npm run package` → dist/altegio-vscode.vsix), then runs the scenarios in test/e2e/ with mocha + tsx.
// Extra arguments go to mocha, e.g. `npm run test:e2e -- --grep sidebar`.
// Screenshots: test-results/e2e/<scenario>/<NN-step>.png; a failure also leaves test-results/e2e/<scenario>/failed-*/.
'use strict';

const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { ensureVSCode, REPO_ROOT } = require('./install-vscode');

const log = (msg) => console.log(`[e2e] ${msg}`);
const VSIX = path.join(REPO_ROOT, 'dist', 'altegio-vscode.vsix');

/** Installs what the suite needs (code-server, Chromium) and builds the .vsix the scenarios install. */
async function prepareE2E() {
  await ensureVSCode();
  log('building the extension and packaging dist/altegio-vscode.vsix');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (pack.status !== 0) throw new Error(`\`npm run package\` failed with exit code ${pack.status}`);
}

/** Runs the scenarios once with these mocha arguments; resolves with mocha's exit code. */
async function runScenarios(mochaArgs, env = {}) {
  const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [mocha, '--config', path.join('test', 'e2e', '.mocharc.json'), ...mochaArgs];
  // mocha runs in the same process group: Ctrl+C reaches it directly and its cleanup (test/harness/cleanup.js)
  // stops code-server and Chromium. We only wait for it to finish.
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ALTEGIO_E2E_VSIX: VSIX, ...env },
  });
  const forward = () => child.kill('SIGTERM');
  process.on('SIGTERM', forward);
  try {
    return await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  } finally {
    process.off('SIGTERM', forward);
  }
}

async function main() {
  const started = Date.now();
  await prepareE2E();
  const code = await runScenarios(process.argv.slice(2));
  log(
    `${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/e2e/`,
  );
  return code;
}

if (require.main === module) {
  // Ctrl+C reaches mocha through the process group; this process just waits for it.
  process.on('SIGINT', () => {});
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(`[e2e] FAILED: ${e && e.message ? e.message : e}`);
      process.exitCode = 1;
    },
  );
}

module.exports = { prepareE2E, runScenarios, VSIX };
