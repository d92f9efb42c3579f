// What a failure leaves behind, so that a flake explains itself: test-results/e2e/<scenario>/failed-<step>/ with
// the window at that moment (screenshot.png), the error, the browser console, the Altegio output channel's log,
// the workbench's editor layout (groups, tabs, webview frames and whether each has loaded, toasts, dialogs) and
// the end of code-server's log.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';

export interface FailureSource {
  /** Undefined when the browser never started. */
  page: Page | undefined;
  shotsDir: string;
  consoleLines: readonly string[];
  server: { userDataDir: string; logFile: string };
}

/** Writes the report of a failure into `<shotsDir>/failed-<name>/` and returns that folder. Never throws. */
export async function saveFailureReport(source: FailureSource, name: string, error: unknown): Promise<string> {
  const dir = path.join(source.shotsDir, `failed-${name.replace(/[^a-z0-9-]+/gi, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  const problems: string[] = [];
  // First the picture: it is the moment of failure, before anything below has time to change the window.
  if (source.page && !source.page.isClosed()) {
    await source.page
      .screenshot({ path: path.join(dir, 'screenshot.png'), animations: 'disabled', timeout: 10_000 })
      .catch((e: unknown) => problems.push(`no screenshot: ${message(e)}`));
  }
  const layout =
    source.page && !source.page.isClosed()
      ? await source.page
          .evaluate<string>(DESCRIBE_WORKBENCH)
          .catch((e: unknown) => `(could not read the window: ${message(e)})`)
      : '(no browser page)';
  const files: Record<string, string> = {
    'error.txt': `${plain(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n${problems.join('\n')}\n`,
    'workbench.txt': `${layout}\n`,
    'browser-console.log': `${source.consoleLines.join('\n')}\n`,
    'altegio.log': altegioLog(source.server.userDataDir),
    'code-server.log': tail(source.server.logFile, 200),
  };
  for (const [file, text] of Object.entries(files)) {
    try {
      fs.writeFileSync(path.join(dir, file), text);
    } catch {
      /* a report must not hide the failure it reports */
    }
  }
  return dir;
}

/**
 * The Altegio output channel as the extension host wrote it (a LogOutputChannel is also a file under the
 * profile's logs/<session>/exthost<N>/<extension id>/), every extension host of the run in order: a window
 * reload starts a new one.
 */
function altegioLog(userDataDir: string): string {
  const logs = path.join(userDataDir, 'logs');
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < 4) walk(full, depth + 1);
      else if (e.isFile() && e.name === 'Altegio.log') found.push(full);
    }
  };
  walk(logs, 0);
  if (found.length === 0) return '(no Altegio log in this profile)\n';
  return found.map((file) => `==> ${path.relative(logs, file)} <==\n${readText(file) || '(empty)\n'}`).join('\n');
}

function tail(file: string, lines: number): string {
  return `${readText(file).split('\n').slice(-lines).join('\n')}\n`;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    return `(cannot read ${file}: ${message(e)})`;
  }
}

/** Without the terminal colours Playwright puts in its call logs. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

function message(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * Runs in the page: the editor groups and their tabs, every webview frame, toasts, a dialog, the quick input.
 * A string, not a function: tsx wraps named inner functions in a `__name()` helper that the page does not have.
 */
const DESCRIBE_WORKBENCH = `(() => {
  const text = (el) => (el?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return 'x=' + Math.round(r.left) + ' y=' + Math.round(r.top) + ' w=' + Math.round(r.width) + ' h=' + Math.round(r.height);
  };
  const lines = [];
  document.querySelectorAll('.editor-group-container').forEach((group, i) => {
    lines.push('editor group ' + (i + 1) + (group.classList.contains('active') ? ' (active)' : '') + ': ' + box(group));
    group.querySelectorAll('.tabs-container .tab').forEach((tab) => {
      lines.push('  ' + (tab.classList.contains('active') ? '*' : ' ') + ' ' + text(tab.querySelector('.label-name')));
    });
  });
  const frames = [...document.querySelectorAll('iframe.webview')];
  lines.push('webview frames: ' + frames.length);
  for (const frame of frames) {
    let content = 'content unknown';
    try {
      // code-server serves the webview host frames from its own origin, so their document is readable.
      content = frame.contentDocument?.querySelector('iframe#active-frame')
        ? 'content loaded'
        : 'NO CONTENT (still waiting for its service worker?)';
    } catch {}
    const shown = frame.getBoundingClientRect().width > 0 && getComputedStyle(frame).visibility !== 'hidden';
    lines.push('  ' + (frame.classList.contains('ready') ? 'ready' : 'NOT READY') + ', ' + content + ', ' +
      (shown ? 'shown ' : 'hidden ') + box(frame) + (frame.title ? ' "' + frame.title + '"' : ''));
  }
  const toasts = [...document.querySelectorAll('.notifications-toasts .notification-list-item-message')].map(text);
  lines.push('toasts: ' + (toasts.length ? toasts.map((t) => '"' + t + '"').join(', ') : 'none'));
  const dialog = document.querySelector('.monaco-dialog-box');
  if (dialog) lines.push('dialog: "' + text(dialog.querySelector('.dialog-message-text')) + '"');
  const quick = document.querySelector('.quick-input-widget');
  if (quick && quick.style.display !== 'none' && quick.offsetParent !== null) {
    const input = quick.querySelector('.quick-input-box input');
    lines.push('quick input: "' + text(quick.querySelector('.quick-input-title')) + '" value "' + (input?.value ?? '') + '"');
  }
  const focused = document.activeElement;
  lines.push('focused: ' + (focused ? focused.tagName.toLowerCase() + '.' + focused.className : 'nothing'));
  return lines.join('\\n');
})()`;
