#!/usr/bin/env node
// Installs the real VS Code the tests run in: code-server 4.100.3 (VS Code 1.100.3, runs on Node 20), from the npm
// registry, into the git-ignored cache `.vscode-test/`, plus the Debian packages it needs (Chromium to drive the
// workbench, build headers for code-server's native modules, ripgrep). Desktop VS Code cannot be downloaded on
// our machines (no internet but the npm registry and Debian apt): see shared/recipes/vscode-offline/README.md.
//
//   node test/harness/install-vscode.js      install if needed, then print where code-server is
//
// Idempotent: once `.vscode-test/code-server-<version>/.altegio-installed.json` exists (written last, after a
// successful `--version` check) the install is a file read, with no npm or apt call.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const CODE_SERVER_VERSION = '4.100.3';
/** The VS Code inside that code-server (what `vscode.version` says in the extension host). */
const VSCODE_VERSION = '1.100.3';
/** code-server 4.100.3 pins @vscode/ripgrep 1.15.11, whose postinstall would download rg from GitHub. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_TAGS = ['v13.0.0-10', 'v13.0.0-4'];

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CACHE_DIR = process.env.ALTEGIO_VSCODE_CACHE
  ? path.resolve(process.env.ALTEGIO_VSCODE_CACHE)
  : path.join(REPO_ROOT, '.vscode-test');
const INSTALL_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = path.join(INSTALL_DIR, '.altegio-installed.json');
const ENTRY = path.join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const INSTALL_LOG = path.join(CACHE_DIR, `install-code-server-${CODE_SERVER_VERSION}.log`);

const CHROMIUM_PATH = process.env.ALTEGIO_CHROMIUM || '/usr/bin/chromium';

/** Debian packages needed only to build code-server's native modules (kerberos, keytar, node-pty…) and seed rg. */
const BUILD_PACKAGES = [
  'libkrb5-dev',
  'libsecret-1-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'ripgrep',
  'python3',
  'make',
  'g++',
];
/** Debian packages needed every time the tests run. */
const RUNTIME_PACKAGES = ['chromium'];

const log = (msg) => console.log(`[vscode] ${msg}`);

function isDebianPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Makes sure the given Debian packages are installed: apt-get installs them when we run as root, otherwise this
 * throws with the exact command to run.
 * @param {string[]} packages
 */
function ensureDebianPackages(packages) {
  const hasDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!hasDpkg) {
    // Not Debian: we cannot check packages by name, so check the two binaries the harness calls directly.
    const missing = [];
    if (packages.includes('chromium') && !fs.existsSync(CHROMIUM_PATH))
      missing.push(`Chromium at ${CHROMIUM_PATH} (or set ALTEGIO_CHROMIUM to a Chromium/Chrome binary)`);
    if (packages.includes('ripgrep') && spawnSync('rg', ['--version'], { stdio: 'ignore' }).status !== 0)
      missing.push('ripgrep (rg on the PATH)');
    if (missing.length > 0)
      throw new Error(
        `This is not a Debian system and these are missing: ${missing.join('; ')}. Install them, plus the Kerberos, libsecret, X11 and xkbfile development headers, python3, make and g++.`,
      );
    return;
  }
  const missing = packages.filter((p) => !isDebianPackageInstalled(p));
  if (missing.length === 0) return;
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}. Install them as root, then run this again:\n  sudo sh -c '${command}'`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')} (apt-get, as root)`);
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0)
      throw new Error(`apt-get ${args.join(' ')} failed with exit code ${r.status}. Run as root: ${command}`);
  }
  log(`Debian packages installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** @returns {{ codeServer: string, vscode: string, node: string, arch: string } | undefined} */
function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(MARKER, 'utf8'));
  } catch {
    return undefined;
  }
}

function isInstalled() {
  const marker = readMarker();
  // Native modules are built for one Node ABI and one CPU: a different major or arch needs a fresh install.
  return (
    !!marker &&
    marker.codeServer === CODE_SERVER_VERSION &&
    marker.node === process.versions.node.split('.')[0] &&
    marker.arch === process.arch &&
    fs.existsSync(ENTRY)
  );
}

/** An environment for npm and code-server that writes nothing into the user's home or the system temp folder. */
function isolatedEnv(scratch) {
  const home = path.join(scratch, 'home');
  const tmp = path.join(scratch, 'tmp');
  fs.mkdirSync(home, { recursive: true });
  fs.mkdirSync(tmp, { recursive: true });
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // `npm run` hands its own settings (local prefix, lifecycle event…) to scripts as npm_* variables; a nested
    // npm install would obey them and install into the wrong place.
    if (/^npm_/i.test(k) || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  const realHome = os.homedir();
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    TMPDIR: tmp,
    // Keep the user's npm settings (registry, CA, nodedir for node-gyp) and cache although HOME moved.
    npm_config_userconfig: process.env.npm_config_userconfig || path.join(realHome, '.npmrc'),
    npm_config_cache: process.env.npm_config_cache || path.join(realHome, '.npm'),
  };
}

function nodeHeadersDir() {
  // node-gyp must not download Node's headers (no internet): point it at the ones installed with Node.
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

function ripgrepTarget() {
  switch (process.arch) {
    case 'x64':
      return 'x86_64-unknown-linux-musl';
    case 'arm64':
      return 'aarch64-unknown-linux-musl';
    default:
      throw new Error(`No ripgrep seed for CPU ${process.arch}: only x64 and arm64 Linux are supported.`);
  }
}

/**
 * @vscode/ripgrep's postinstall downloads rg from GitHub releases, but first looks for
 * $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-<target>.tar.gz: give it Debian's rg in that shape.
 */
function seedRipgrepCache(tmp) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is not on the PATH: install the Debian package ripgrep.');
  const stage = path.join(tmp, 'rg-stage');
  const cache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  fs.mkdirSync(stage, { recursive: true });
  fs.mkdirSync(cache, { recursive: true });
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  for (const tag of RIPGREP_TAGS) {
    const archive = path.join(cache, `ripgrep-${tag}-${ripgrepTarget()}.tar.gz`);
    const r = spawnSync('tar', ['czf', archive, '-C', stage, 'rg'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`could not write the ripgrep seed ${archive}`);
  }
}

/** Runs a command with its output appended to the install log; rejects with the log's tail on failure. */
function runLogged(command, args, options) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(INSTALL_LOG, 'a');
    fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
    child.on('error', (e) => {
      fs.closeSync(out);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(INSTALL_LOG, 'utf8').split('\n').slice(-40).join('\n');
      reject(
        new Error(
          `${command} ${args.join(' ')} failed (${signal || `exit code ${code}`}). Last lines of ${INSTALL_LOG}:\n${tail}`,
        ),
      );
    });
  });
}

/** Holds an exclusive lock on the cache while installing, so two test commands started together do not collide. */
async function withInstallLock(fn) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const lock = path.join(CACHE_DIR, '.install.lock');
  const deadline = Date.now() + 15 * 60 * 1000;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(lock, 'utf8')) || 0;
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = holder > 0;
      } catch {
        alive = false;
      }
      if (!alive) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Gave up waiting for process ${holder} to finish installing code-server (lock ${lock}).`);
      if (!announced) {
        log(`waiting for process ${holder}, which is installing code-server…`);
        announced = true;
      }
      // Polling the lock file is the condition we wait on; there is no event to wait for across processes.
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  const release = () => fs.rmSync(lock, { force: true });
  process.once('exit', release);
  try {
    return await fn();
  } finally {
    release();
    process.removeListener('exit', release);
  }
}

/** Installs code-server into the cache unless the marker says it is there. Returns the path of its entry.js. */
async function ensureCodeServer() {
  if (isInstalled()) return ENTRY;
  ensureDebianPackages(BUILD_PACKAGES);
  return withInstallLock(async () => {
    if (isInstalled()) return ENTRY; // another process finished it while we waited
    const started = Date.now();
    log(
      `installing code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) into ${path.relative(process.cwd(), INSTALL_DIR) || INSTALL_DIR}: about a minute on first use; log: ${INSTALL_LOG}`,
    );
    // A half-finished earlier attempt (no marker) is not trusted: start from scratch.
    fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
    fs.mkdirSync(INSTALL_DIR, { recursive: true });
    fs.writeFileSync(INSTALL_LOG, `code-server ${CODE_SERVER_VERSION} install, ${new Date().toISOString()}\n`);
    const scratch = fs.mkdtempSync(path.join(CACHE_DIR, '.install-'));
    try {
      const env = isolatedEnv(scratch);
      seedRipgrepCache(env.TMPDIR);
      // node-pty's postinstall runs `npx node-gyp …`; with `yes = false` in npmrc npx cancels instead of installing.
      env.npm_config_yes = 'true';
      // code-server's postinstall.sh refuses to run as root without it (npm 11 only passes it on as env).
      env.npm_config_unsafe_perm = 'true';
      env.npm_config_audit = 'false';
      env.npm_config_fund = 'false';
      env.npm_config_update_notifier = 'false';
      const headers = nodeHeadersDir();
      if (headers && !env.npm_config_nodedir) env.npm_config_nodedir = headers;
      fs.writeFileSync(
        path.join(INSTALL_DIR, 'package.json'),
        JSON.stringify(
          {
            name: 'altegio-code-server-cache',
            private: true,
            description:
              'Cache folder of the Altegio extension test harness (test/harness/install-vscode.js). Safe to delete.',
            dependencies: { 'code-server': CODE_SERVER_VERSION },
          },
          null,
          2,
        ),
      );
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      await runLogged(npm, ['install', '--foreground-scripts', '--no-package-lock'], { cwd: INSTALL_DIR, env });
      const version = spawnSync(process.execPath, [ENTRY, '--version'], { cwd: scratch, env, encoding: 'utf8' });
      if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
        throw new Error(
          `code-server installed but \`--version\` failed (exit ${version.status}): ${version.stdout}${version.stderr}`,
        );
      }
      fs.writeFileSync(
        MARKER,
        JSON.stringify(
          {
            codeServer: CODE_SERVER_VERSION,
            vscode: VSCODE_VERSION,
            node: process.versions.node.split('.')[0],
            arch: process.arch,
            installedAt: new Date().toISOString(),
          },
          null,
          2,
        ),
      );
      // `--version` also logs "Wrote default config file…" (into the scratch HOME): keep the version line only.
      const versionLine =
        version.stdout.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION)) || CODE_SERVER_VERSION;
      log(`code-server ${versionLine.trim()} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return ENTRY;
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/**
 * Everything the code-server levels need: Chromium (every run), code-server itself (installed once).
 * @returns {Promise<{ entry: string, chromium: string }>}
 */
async function ensureVSCode() {
  if (!process.env.ALTEGIO_CHROMIUM) ensureDebianPackages(RUNTIME_PACKAGES);
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}. Install the Debian package chromium, or set ALTEGIO_CHROMIUM to a Chromium binary.`,
    );
  const entry = await ensureCodeServer();
  return { entry, chromium: CHROMIUM_PATH };
}

module.exports = {
  CODE_SERVER_VERSION,
  VSCODE_VERSION,
  REPO_ROOT,
  CACHE_DIR,
  INSTALL_DIR,
  ENTRY,
  CHROMIUM_PATH,
  ensureVSCode,
  ensureCodeServer,
  ensureDebianPackages,
  isInstalled,
};

if (require.main === module) {
  const started = Date.now();
  ensureVSCode().then(
    ({ entry, chromium }) =>
      log(
        `ready in ${((Date.now() - started) / 1000).toFixed(1)} s: code-server ${CODE_SERVER_VERSION} at ${entry}, Chromium at ${chromium}`,
      ),
    (e) => {
      console.error(`[vscode] ${e.message}`);
      process.exitCode = 1;
    },
  );
}
