// Reloads a webview whose app never said `ready`. In VS Code for the web (code-server), webviews share one
// service worker, and when one is closed and another opened at once a resource request can be lost: our script
// never runs and the panel stays empty until the worker gives that request up (about 30 s). Setting the HTML
// again (with a new nonce) loads it afresh. Desktop VS Code, where each webview has its own origin, never needs it.
import type * as vscode from 'vscode';

const CHECK_EVERY_MS = 500;
/** Visible time without `ready` after which the webview is loaded again: soon, then past the worker's 30 s. */
export const RELOAD_AFTER_MS = [4000, 12_000, 32_000, 45_000];

export function watchFirstLoad(panel: vscode.WebviewPanel, isReady: () => boolean, reload: () => void, log: (message: string) => void): vscode.Disposable {
  let waited = 0;
  let reloads = 0;
  const timer = setInterval(() => {
    if (isReady() || reloads >= RELOAD_AFTER_MS.length) {
      clearInterval(timer);
      return;
    }
    // A hidden webview does not load at all until it is shown: only visible time counts.
    if (!panel.visible) return;
    waited += CHECK_EVERY_MS;
    if (waited < RELOAD_AFTER_MS[reloads]) return;
    reloads++;
    log(`the "${panel.title}" webview has not started after ${Math.round(waited / 1000)} s; loading it again (${reloads}/${RELOAD_AFTER_MS.length})`);
    reload();
  }, CHECK_EVERY_MS);
  return { dispose: () => clearInterval(timer) };
}
