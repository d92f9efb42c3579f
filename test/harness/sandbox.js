// Runs the local Altegio sandbox (src/sandbox, issue "Local sandbox") as a separate process on a loopback port,
// for `npm start` and for e2e scenarios that need live data. It waits until the sandbox answers on its loopback-only
// GET /__sandbox/info, which is also where the extension reads the demo credentials from: no token ever goes
// through this module into a settings file.
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawn } = require('child_process');
const { REPO_ROOT } = require('./install-vscode');
const { onCleanup } = require('./cleanup');
const { portFrom, stopGroup, watchGroup } = require('./code-server');

/** The port the extension assumes for the sandbox when nothing else is configured. */
const DEFAULT_SANDBOX_PORT = 8787;

/**
 * How to run the sandbox CLI from this checkout, or undefined while src/sandbox has no CLI yet.
 * The bundle (dist/sandbox.js, built by esbuild.js from src/sandbox/cli.ts) starts faster than tsx.
 */
function sandboxCommand() {
  const bundle = path.join(REPO_ROOT, 'dist', 'sandbox.js');
  const source = path.join(REPO_ROOT, 'src', 'sandbox', 'cli.ts');
  if (!fs.existsSync(source)) return undefined;
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= fs.statSync(source).mtimeMs)
    return { command: process.execPath, args: [bundle] };
  return { command: process.execPath, args: [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), source] };
}

/** GET /__sandbox/info → the parsed JSON, or undefined while nothing (or something else) answers. */
function readInfo(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/__sandbox/info', timeout: 1000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve(undefined);
        try {
          resolve(JSON.parse(body));
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(undefined);
    });
    req.on('error', () => resolve(undefined));
  });
}

/**
 * @typedef {object} RunningSandbox
 * @property {string} baseUrl   e.g. http://127.0.0.1:8787/api/v1 (what the setting altegio.sandbox.url takes)
 * @property {number} port
 * @property {number} pid
 * @property {() => Promise<void>} stop
 * @property {Promise<number | null>} exited
 */

/**
 * Starts the sandbox CLI on a free loopback port (DEFAULT_SANDBOX_PORT or the next free one) and resolves when
 * /__sandbox/info answers. Resolves undefined when this checkout has no sandbox CLI yet.
 * @param {{ preferredPort?: number, onOutput?: (line: string) => void, args?: string[] }} [options]
 * @returns {Promise<RunningSandbox | undefined>}
 */
async function startSandboxProcess(options = {}) {
  const cmd = sandboxCommand();
  if (!cmd) return undefined;
  const port = await portFrom(options.preferredPort || DEFAULT_SANDBOX_PORT);
  const child = spawn(cmd.command, [...cmd.args, '--port', String(port), ...(options.args || [])], {
    cwd: REPO_ROOT,
    // Its own process group: Ctrl+C is handled by us (cleanup.js), which stops it after the editor.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ALTEGIO_SANDBOX_PORT: String(port) },
  });
  let output = '';
  let printedUrlPort;
  const onData = (chunk) => {
    const text = chunk.toString();
    output += text;
    // If the CLI picked a port of its own, it says so: follow the URL it prints.
    const m = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(text);
    if (m) printedUrlPort ??= Number(m[1]);
    for (const line of text.split('\n')) if (line.trim() && options.onOutput) options.onOutput(line);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const group = watchGroup(child);
  const { exited } = group;
  const stop = () => stopGroup(child.pid, exited);
  const unregister = onCleanup(`sandbox :${port}`, stop, () => group.kill('SIGKILL'));

  const deadline = Date.now() + 60000;
  while (!group.dead && Date.now() < deadline) {
    for (const p of new Set([port, printedUrlPort].filter(Boolean))) {
      const info = await readInfo(p);
      if (info) {
        const baseUrl = typeof info.baseUrl === 'string' ? info.baseUrl : `http://127.0.0.1:${p}/api/v1`;
        return {
          baseUrl,
          port: p,
          pid: child.pid,
          exited,
          stop: async () => {
            await stop();
            unregister();
          },
        };
      }
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
  }
  await stop();
  unregister();
  throw new Error(
    `The sandbox (${[cmd.command, ...cmd.args].join(' ')} --port ${port}) ${group.dead ? `exited with ${await exited}` : 'did not answer GET /__sandbox/info within 60 s'}. Its output:\n${output.slice(-3000)}`,
  );
}

module.exports = { startSandboxProcess, sandboxCommand, DEFAULT_SANDBOX_PORT };
