// Replaces a webview panel whose app never said `ready`. In VS Code for the web (code-server) every webview
// registers the same shared service worker, and when several load at once one of them can wait forever for its
// worker (a "controllerchange", or the worker's answer, that never comes; typically after a window reload, which
// revives every visible panel at once): its content is never loaded, and setting the HTML again does not help
// (the webview host holds it back until that worker is ready). A new panel gets a new host frame and loads.
// Desktop VS Code, where each webview has its own origin, never needs this.
import type * as vscode from 'vscode';

const CHECK_EVERY_MS = 500;
/** Visible time without `ready` after which the panel is replaced: soon, then once more past the worker's 30 s. */
export const REPLACE_AFTER_MS = [10_000, 35_000];
/**
 * Replacements load one at a time: a window reload revives every visible panel at once, several can stall, and
 * replacing them all together would start the same race between their new frames (seen: two replaced at once,
 * one of the two stalled again). After a replacement, the others wait until it has loaded, at most this long.
 */
export const REPLACEMENT_HOLDS_OTHERS_MS = REPLACE_AFTER_MS[0];
/**
 * Set by a replacement: until when the others wait, and the replacement panel's watch once it has started. One for
 * every copy of this module: the forms' and the viewer's hosts are bundles of their own (see esbuild.js).
 */
const replacing = ((globalThis as { [key: symbol]: unknown })[
  Symbol.for('altegio-tools.altegio-vscode.webview-replacement')
] ??= {}) as { hold?: { until: number; by?: object } };

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
  const self = {};
  // A replacement panel: the one the others now wait for.
  if (attempt > 0 && replacing.hold && !replacing.hold.by) replacing.hold.by = self;
  const release = () => {
    if (replacing.hold?.by === self) replacing.hold = undefined;
  };
  let waited = 0;
  const timer = setInterval(() => {
    if (isReady()) {
      release();
      clearInterval(timer);
      return;
    }
    if (attempt >= REPLACE_AFTER_MS.length) {
      // The last replacement: nothing more to do, once it no longer holds the others back.
      if (replacing.hold?.by !== self || Date.now() >= replacing.hold.until) clearInterval(timer);
      return;
    }
    // A hidden webview does not load at all until it is shown: only visible time counts.
    if (!panel.visible) return;
    waited += CHECK_EVERY_MS;
    if (waited < REPLACE_AFTER_MS[attempt] || (replacing.hold && Date.now() < replacing.hold.until)) return;
    clearInterval(timer);
    replacing.hold = { until: Date.now() + REPLACEMENT_HOLDS_OTHERS_MS };
    log(`the "${panel.title}" webview has not started after ${Math.round(waited / 1000)} s; opening it in a new panel`);
    replace(attempt + 1);
  }, CHECK_EVERY_MS);
  return {
    dispose: () => {
      release();
      clearInterval(timer);
    },
  };
}
