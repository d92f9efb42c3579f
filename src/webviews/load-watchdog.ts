// Replaces a webview panel whose app never said `ready`. In VS Code for the web (code-server) every webview
// registers the same shared service worker, and when several load at once one of them can wait forever for a
// "controllerchange" that never comes: its content is never loaded, and setting the HTML again does not help
// (the webview host holds it back until that worker is ready). A new panel gets a new host frame and loads.
// Desktop VS Code, where each webview has its own origin, never needs this.
import type * as vscode from 'vscode';

const CHECK_EVERY_MS = 500;
/** Visible time without `ready` after which the panel is replaced: soon, then once more past the worker's 30 s. */
export const REPLACE_AFTER_MS = [10_000, 35_000];

/**
 * Calls `replace` when the panel has been visible this long without its app saying ready. `attempt` counts the
 * replacements already made for this content, so that a replacement panel continues the schedule.
 */
export function watchFirstLoad(
  panel: vscode.WebviewPanel,
  isReady: () => boolean,
  replace: (attempt: number) => void,
  log: (message: string) => void,
  attempt = 0,
): vscode.Disposable {
  let waited = 0;
  const timer = setInterval(() => {
    if (isReady() || attempt >= REPLACE_AFTER_MS.length) {
      clearInterval(timer);
      return;
    }
    // A hidden webview does not load at all until it is shown: only visible time counts.
    if (!panel.visible) return;
    waited += CHECK_EVERY_MS;
    if (waited < REPLACE_AFTER_MS[attempt]) return;
    clearInterval(timer);
    log(`the "${panel.title}" webview has not started after ${Math.round(waited / 1000)} s; opening it in a new panel`);
    replace(attempt + 1);
  }, CHECK_EVERY_MS);
  return { dispose: () => clearInterval(timer) };
}
