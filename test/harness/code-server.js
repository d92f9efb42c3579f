// Starts and stops isolated code-server instances (the real VS Code 1.100.3 workbench and Node extension host,
// served to a browser). Every instance gets a throw-away profile: its own config, user data, extensions, HOME,
// XDG_* and TMPDIR, so nothing is written to the user's home and no state leaks from one run into the next.
'use strict';

const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn, spawnSync } = require('child_process');
const { ensureCodeServer } = require('./install-vscode');
const { onCleanup } = require('./cleanup');
const { buildLanguagePack, registerLanguagePack } = require('./language-pack');

/**
 * The settings every harness profile starts with: nothing that pops up, animates, phones home or asks for trust,
 * so that screenshots are stable and no toast covers what a test looks at.
 */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.reduceMotion': 'on',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  // Without this, any port another program opens on the machine produces a "port forwarded" toast.
  'remote.autoForwardPorts': false,
  'window.restoreWindows': 'none',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
};

/** Environment variables that would make code-server do something else than what we ask on the command line. */
const FOREIGN_ENV = /^(VSCODE_.*|ELECTRON_RUN_AS_NODE|PORT|PASSWORD|HASHED_PASSWORD|CODE_SERVER_.*|npm_.*|INIT_CWD)$/i;

/** Resolves with a TCP port that is free on 127.0.0.1 right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when `port` can be bound on 127.0.0.1. */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first free port at or after `preferred` (tries 20), else any free port. */
async function portFrom(preferred) {
  for (let p = preferred; p < preferred + 20; p++) if (await isPortFree(p)) return p;
  return freePort();
}

/**
 * A new empty folder for one throw-away profile. Under the system temp folder, not the repo: extension hosts
 * create Unix sockets in $TMPDIR, and a socket path must stay under ~107 bytes, which a deep checkout can exceed.
 */
function makeProfileDir(label) {
  let base = os.tmpdir();
  if (base.length > 40) base = '/tmp';
  return fs.mkdtempSync(path.join(base, `altegio-${label.replace(/[^a-z0-9-]/gi, '-').slice(0, 20)}-`));
}

/** GET url → status code, or undefined when nothing answers. */
function httpStatus(url, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(undefined);
    });
    req.on('error', () => resolve(undefined));
  });
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * @typedef {object} CodeServerOptions
 * @property {string} [label]         short name used in the profile folder and log lines (e.g. the scenario name)
 * @property {number} [port]          port to bind on 127.0.0.1; default: a free one
 * @property {number} [preferredPort] first port to try (the next free one is used if taken)
 * @property {string[]} [vsix]        .vsix files to install into the profile before the server starts
 * @property {string} [folder]        folder to open by default; default: an empty `workspace/` inside the profile
 * @property {Record<string, unknown>} [settings] user settings added to (or overriding) QUIET_SETTINGS
 * @property {Record<string, string>} [env] extra environment for the server and its extension host
 * @property {boolean} [keepProfile]  leave the profile folder on disk after stop() (also: ALTEGIO_KEEP_PROFILE=1)
 * @property {string} [locale]        VS Code's display language (`--locale`), e.g. `ru`: a stub language pack for it
 *                                    is built and installed (see language-pack.js)
 */

/**
 * @typedef {object} CodeServer
 * @property {string} url          http://127.0.0.1:<port>
 * @property {number} port
 * @property {number} pid
 * @property {string} profileDir
 * @property {string} folder       the workspace folder
 * @property {string} userDataDir
 * @property {string} extensionsDir
 * @property {string} logFile
 * @property {(query?: { folder?: string, payload?: Array<[string, string]> }) => string} workbenchUrl
 * @property {(p: string) => string} remoteUri  a server path as a vscode-remote:// URI (for ?payload)
 * @property {() => Promise<void>} stop        kills the server's whole process group and deletes the profile
 * @property {Promise<number | null>} exited
 */

/**
 * Starts an isolated code-server on 127.0.0.1 and waits until GET /healthz answers.
 * It is registered with cleanup.js, so it is stopped even when the caller crashes or gets Ctrl+C.
 * @param {CodeServerOptions} [options]
 * @returns {Promise<CodeServer>}
 */
async function startCodeServer(options = {}) {
  const entry = await ensureCodeServer();
  const label = options.label || 'code-server';
  const profileDir = makeProfileDir(label);
  const keepProfile = options.keepProfile || process.env.ALTEGIO_KEEP_PROFILE === '1';
  const removeProfile = () => {
    if (!keepProfile) fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const unregisterProfile = onCleanup(`profile ${profileDir}`, removeProfile, removeProfile);

  try {
    const userDataDir = path.join(profileDir, 'data');
    const extensionsDir = path.join(profileDir, 'extensions');
    const home = path.join(profileDir, 'home');
    const tmp = path.join(profileDir, 'tmp');
    const folder = options.folder || path.join(profileDir, 'workspace');
    const logFile = path.join(profileDir, 'code-server.log');
    for (const d of [userDataDir, extensionsDir, home, folder]) fs.mkdirSync(d, { recursive: true });
    fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
    writeJson(path.join(userDataDir, 'User', 'settings.json'), { ...QUIET_SETTINGS, ...(options.settings || {}) });

    const env = {};
    for (const [k, v] of Object.entries(process.env)) if (!FOREIGN_ENV.test(k)) env[k] = v;
    Object.assign(env, {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_STATE_HOME: path.join(home, '.local', 'state'),
      XDG_RUNTIME_DIR: tmp,
      // Extension hosts create vscode-ipc-*.sock here and leave them behind.
      TMPDIR: tmp,
      ...(options.env || {}),
    });

    const configFile = path.join(profileDir, 'config.yaml');
    const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
    const writeConfig = (port) =>
      fs.writeFileSync(
        configFile,
        [
          `bind-addr: 127.0.0.1:${port}`,
          'auth: none',
          'cert: false',
          'disable-telemetry: true',
          'disable-update-check: true',
          'disable-workspace-trust: true',
          'disable-getting-started-override: true',
          ...(options.locale ? [`locale: ${options.locale}`] : []),
          '',
        ].join('\n'),
      );

    const vsixes = [...(options.vsix || [])];
    if (options.locale) vsixes.push(buildLanguagePack(options.locale, profileDir));
    if (vsixes.length > 0) {
      writeConfig(0);
      for (const vsix of vsixes) {
        if (!fs.existsSync(vsix))
          throw new Error(`Cannot install ${vsix}: the file does not exist (build it with \`npm run package\`).`);
        const r = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], {
          env,
          encoding: 'utf8',
          timeout: 120000,
        });
        if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
          throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
        }
      }
    }
    if (options.locale) registerLanguagePack(options.locale, userDataDir, extensionsDir);

    // A free port can be taken by someone else between our check and code-server's bind: try again with another.
    for (let attempt = 1; ; attempt++) {
      const port = options.port || (options.preferredPort ? await portFrom(options.preferredPort) : await freePort());
      writeConfig(port);
      const server = await launch({ entry, common, env, folder, logFile, port });
      if (server.ok) {
        return makeHandle({
          ...server,
          port,
          profileDir,
          folder,
          userDataDir,
          extensionsDir,
          logFile,
          removeProfile,
          unregisterProfile,
        });
      }
      if (options.port || attempt >= 3 || !/EADDRINUSE/.test(tail(logFile))) {
        throw new Error(
          `code-server did not start on 127.0.0.1:${port} (${server.reason}). Last lines of ${logFile}:\n${tail(logFile)}`,
        );
      }
    }
  } catch (e) {
    unregisterProfile();
    // Keep the profile (and its log) of a failed start: the message points at it.
    throw e;
  }
}

/** True while any process of the group still exists (zombies included, until they are reaped). */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends a signal to every process of a group; a group already gone is fine. */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Watches a child spawned detached (the leader of its own process group): `exited` resolves with its exit code,
 * `dead` turns true then, and `kill` signals the whole group.
 */
function watchGroup(child) {
  const group = {
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : null)))),
    dead: false,
    kill: (signal) => signalGroup(child.pid, signal),
  };
  void group.exited.then(() => {
    group.dead = true;
  });
  return group;
}

/**
 * Stops a process group: SIGTERM, up to 5 s for the leader to exit, then SIGKILL for whatever is left (extension
 * hosts whose window went away stay alive for a reconnection grace period), then waits until the group is gone so
 * that its folders can be deleted without a process still writing into them.
 */
async function stopGroup(pgid, exited) {
  signalGroup(pgid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
  signalGroup(pgid, 'SIGKILL');
  const deadline = Date.now() + 3000;
  // Polling is the only way to see other processes end; there is no event for a process group.
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

/** Spawns code-server in its own process group and waits for /healthz, or for it to die. */
async function launch({ entry, common, env, folder, logFile, port }) {
  const out = fs.openSync(logFile, 'a');
  // detached: its own process group, so one kill(-pid) also reaches the extension host and the pty host.
  const child = spawn(process.execPath, [entry, ...common, '--ignore-last-opened', folder], {
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const group = watchGroup(child);
  const { exited } = group;
  const unregister = onCleanup(
    `code-server :${port}`,
    () => stopGroup(child.pid, exited),
    () => group.kill('SIGKILL'),
  );

  const deadline = Date.now() + 60000;
  while (!group.dead && Date.now() < deadline) {
    if ((await httpStatus(`http://127.0.0.1:${port}/healthz`)) === 200) {
      return { ok: true, pid: child.pid, exited, unregister };
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  const reason = group.dead ? `exited with ${await exited}` : 'no answer on /healthz within 60 s';
  group.kill('SIGKILL');
  unregister();
  return { ok: false, reason };
}

function makeHandle({
  pid,
  exited,
  unregister,
  port,
  profileDir,
  folder,
  userDataDir,
  extensionsDir,
  logFile,
  removeProfile,
  unregisterProfile,
}) {
  const url = `http://127.0.0.1:${port}`;
  let stopped;
  const remoteUri = (p) =>
    `vscode-remote://127.0.0.1:${port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  return {
    url,
    port,
    pid,
    profileDir,
    folder,
    userDataDir,
    extensionsDir,
    logFile,
    exited,
    remoteUri,
    workbenchUrl(query = {}) {
      const params = [`folder=${encodeURIComponent(query.folder || folder)}`];
      if (query.payload) params.push(`payload=${encodeURIComponent(JSON.stringify(query.payload))}`);
      return `${url}/?${params.join('&')}`;
    },
    stop() {
      stopped ??= (async () => {
        await stopGroup(pid, exited);
        unregister();
        removeProfile();
        unregisterProfile();
      })();
      return stopped;
    },
  };
}

module.exports = {
  startCodeServer,
  stopGroup,
  watchGroup,
  freePort,
  portFrom,
  isPortFree,
  httpStatus,
  makeProfileDir,
  writeJson,
  QUIET_SETTINGS,
};
