#!/usr/bin/env node
// `npm run test:e2e`: makes sure code-server and Chromium are there, builds the .vsix the scenarios install
// (`npm run package` → dist/altegio-vscode.vsix), then runs the scenarios in test/e2e/ with mocha + tsx.
// Extra arguments go to mocha, e.g. `npm run test:e2e -- --grep sidebar`.
// Screenshots: test-results/e2e/<scenario>/<NN-step>.png.
'use strict';

const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { ensureVSCode, REPO_ROOT } = require('./install-vscode');

const log = (msg) => console.log(`[e2e] ${msg}`);

async function main() {
  const started = Date.now();
  await ensureVSCode();

  const vsix = path.join(REPO_ROOT, 'dist', 'altegio-vscode.vsix');
  log('building the extension and packaging dist/altegio-vscode.vsix');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const pack = spawnSync(npm, ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (pack.status !== 0) throw new Error(`\`npm run package\` failed with exit code ${pack.status}`);

  const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [mocha, '--config', path.join('test', 'e2e', '.mocharc.json'), ...process.argv.slice(2)];
  // mocha runs in the same process group: Ctrl+C reaches it directly and its cleanup (test/harness/cleanup.js)
  // stops code-server and Chromium. We only wait for it to finish.
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ALTEGIO_E2E_VSIX: vsix },
  });
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
  log(
    `${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/e2e/`,
  );
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`[e2e] FAILED: ${e && e.message ? e.message : e}`);
    process.exitCode = 1;
  },
);
