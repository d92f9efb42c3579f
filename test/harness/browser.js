// Launches Debian's Chromium, headless, through playwright-core (which downloads no browser of its own), with a
// throw-away profile and the flags that keep it quiet on a machine without internet.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { CHROMIUM_PATH } = require('./install-vscode');
const { onCleanup } = require('./cleanup');

const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium keeps trying to reach Google's hosts, which this machine's network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage', // small /dev/shm in containers crashes renderers
  '--lang=en-US',
];

/**
 * @param {{ profileDir: string, viewport?: { width: number, height: number } }} options
 *   profileDir: an existing throw-away folder; the browser profile goes into `<profileDir>/chromium`.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
async function launchChromium({ profileDir, viewport = { width: 1400, height: 900 } }) {
  const userDataDir = path.join(profileDir, 'chromium');
  fs.mkdirSync(userDataDir, { recursive: true });
  // launchPersistentContext, not launch(): launch() refuses a --user-data-dir, and without one Chromium would
  // create its profile under the real $HOME.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    locale: 'en-US',
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: userDataDir, XDG_CONFIG_HOME: userDataDir, XDG_CACHE_HOME: userDataDir },
    // Our cleanup.js owns signals: Playwright's own handler would exit(130) before code-server is stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closed;
  const close = () => {
    closed ??= context
      .close()
      .catch(() => {
        /* the browser may already be gone */
      })
      .finally(() => unregister());
    return closed;
  };
  // Playwright kills the browser itself in its synchronous 'exit' hook, so no stopSync is needed here.
  const unregister = onCleanup('chromium', close);
  const page = context.pages()[0] || (await context.newPage());
  return { context, page, close };
}

module.exports = { launchChromium, CHROMIUM_ARGS };
