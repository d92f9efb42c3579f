#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code against the local sandbox, in a throw-away profile.
//   1. builds the extension (production) and packages dist/altegio-vscode.vsix;
//   2. starts the local sandbox on 127.0.0.1 (when this checkout has src/sandbox/cli.ts);
//   3. opens desktop VS Code with the extension under development, if a desktop `code` is on the PATH;
//      otherwise starts code-server with the .vsix installed and prints the URL to open in a browser.
// The profile's settings select the sandbox (altegio.environment, altegio.sandbox.url). No token is written
// anywhere: the extension signs in to a loopback sandbox by itself, from the sandbox's /__sandbox/info.
// Ctrl+C stops everything this started.
//
// Environment: ALTEGIO_START_EDITOR=desktop|code-server  force one; ALTEGIO_START_PORT  code-server's first port (8080)
'use strict';

const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const REPO_ROOT = path.resolve(__dirname, '..');
const harness = (name) => require(path.join(REPO_ROOT, 'test', 'harness', name));
const { onCleanup, setSignalExitCode, isStopping } = harness('cleanup');
const { startSandboxProcess, sandboxCommand } = harness('sandbox');

const log = (msg) => console.log(`[start] ${msg}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** A desktop VS Code CLI on the PATH (not code-server, which some installs also call `code`), or undefined. */
function findDesktopCode() {
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (which.status !== 0 || !found) return undefined;
  let real = found;
  try {
    real = fs.realpathSync(found);
  } catch {
    /* keep the PATH entry */
  }
  if (/code-server/i.test(real)) return undefined;
  const version = spawnSync(found, ['--version'], { encoding: 'utf8', timeout: 15000 });
  const lines = (version.stdout || '').trim().split('\n');
  // Desktop prints "<version>\n<commit>\n<arch>"; code-server prints "<version> <commit> with Code <version>".
  if (version.status !== 0 || /code-server|with Code/i.test(version.stdout) || !/^\d+\.\d+\.\d+$/.test(lines[0] || ''))
    return undefined;
  return { cli: found, version: lines[0] };
}

function chooseEditor() {
  const wanted = process.env.ALTEGIO_START_EDITOR;
  if (wanted && wanted !== 'desktop' && wanted !== 'code-server')
    throw new Error(`ALTEGIO_START_EDITOR must be "desktop" or "code-server", not "${wanted}".`);
  if (wanted === 'code-server') return { kind: 'code-server' };
  const desktop = findDesktopCode();
  if (desktop) return { kind: 'desktop', ...desktop };
  if (wanted === 'desktop')
    throw new Error('ALTEGIO_START_EDITOR=desktop, but no desktop VS Code `code` command is on the PATH.');
  return { kind: 'code-server' };
}

function build() {
  const started = Date.now();
  log('building the extension (production) and packaging dist/altegio-vscode.vsix…');
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0)
    throw new Error(
      `\`npm run package\` failed with exit code ${r.status} (run it on its own to see the whole output)`,
    );
  const vsix = path.join(REPO_ROOT, 'dist', 'altegio-vscode.vsix');
  log(
    `built ${path.relative(REPO_ROOT, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB) in ${seconds(started)}`,
  );
  return vsix;
}

async function startSandbox() {
  if (!sandboxCommand()) {
    log(
      'no local sandbox in this checkout yet (src/sandbox/cli.ts): skipping it; the extension starts without live data.',
    );
    return undefined;
  }
  const started = Date.now();
  log('starting the local sandbox…');
  const sandbox = await startSandboxProcess({
    onOutput: (line) => console.log(line.startsWith('[sandbox]') ? line : `[sandbox] ${line}`),
  });
  log(`sandbox ready at ${sandbox.baseUrl} in ${seconds(started)}`);
  sandbox.exited.then((code) => {
    if (isStopping()) return;
    console.error(`[start] the sandbox stopped (exit ${code}); stopping everything else.`);
    process.kill(process.pid, 'SIGTERM');
  });
  return sandbox;
}

/** What the throw-away profile's settings say: use the sandbox we started. Never a token. */
function sandboxSettings(sandbox) {
  return sandbox
    ? { 'altegio.environment': 'sandbox', 'altegio.sandbox.url': sandbox.baseUrl }
    : { 'altegio.environment': 'sandbox' };
}

async function openDesktop(editor, settings) {
  const { QUIET_SETTINGS, makeProfileDir, writeJson } = harness('code-server');
  const profile = makeProfileDir('start-desktop');
  const remove = () => fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  onCleanup(`profile ${profile}`, remove, remove);
  const userData = path.join(profile, 'user-data');
  const workspace = path.join(profile, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  writeJson(path.join(userData, 'User', 'settings.json'), {
    ...QUIET_SETTINGS,
    'workbench.reduceMotion': 'auto',
    ...settings,
  });
  log(
    `opening VS Code ${editor.version} (${editor.cli}) with the extension under development, in a throw-away profile`,
  );
  // --wait keeps the CLI running until the window closes, so that closing it also stops the sandbox.
  const child = spawn(
    editor.cli,
    [
      '--new-window',
      '--wait',
      `--extensionDevelopmentPath=${REPO_ROOT}`,
      `--user-data-dir=${userData}`,
      `--extensions-dir=${path.join(profile, 'extensions')}`,
      workspace,
    ],
    { stdio: 'inherit', detached: true },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  onCleanup('VS Code', async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* closed already */
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
  });
  log('close the VS Code window or press Ctrl+C to stop.');
  await exited;
  log('VS Code closed.');
}

async function openCodeServer(vsix, settings) {
  const { ensureVSCode } = harness('install-vscode');
  const { startCodeServer } = harness('code-server');
  await ensureVSCode();
  const started = Date.now();
  log('starting code-server (VS Code in the browser) with the extension installed from the .vsix…');
  const server = await startCodeServer({
    label: 'start',
    vsix: [vsix],
    preferredPort: Number(process.env.ALTEGIO_START_PORT || 8080),
    settings: { ...settings, 'workbench.reduceMotion': 'auto' },
  });
  log(`code-server ready in ${seconds(started)} (profile ${server.profileDir})`);
  console.log('');
  // code-server was started with the workspace folder, so the bare URL opens it.
  console.log(`  Open ${server.url}/`);
  console.log('  in a browser on this machine. Ctrl+C stops code-server and the sandbox.');
  console.log('');
  const code = await server.exited;
  if (isStopping()) return new Promise(() => {}); // Ctrl+C: cleanup.js exits once everything is stopped
  throw new Error(`code-server stopped by itself (exit ${code}); its log: ${server.logFile}`);
}

async function main() {
  setSignalExitCode(0); // Ctrl+C is how `npm start` is meant to end
  const editor = chooseEditor();
  const vsix = build();
  const sandbox = await startSandbox();
  const settings = sandboxSettings(sandbox);
  if (editor.kind === 'desktop') await openDesktop(editor, settings);
  else await openCodeServer(vsix, settings);
}

main().then(
  () =>
    harness('cleanup')
      .cleanupAll()
      .then(() => process.exit(0)),
  (e) => {
    console.error(`[start] ${e && e.message ? e.message : e}`);
    harness('cleanup')
      .cleanupAll()
      .then(() => process.exit(1));
  },
);
