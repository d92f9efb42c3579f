// The webview load watchdog (src/webviews/load-watchdog.ts) on a hand-moved clock: when a panel is replaced, that only
// visible time counts, and that replacements load one at a time.
import * as assert from 'assert';
import type * as vscode from 'vscode';
import { REPLACE_AFTER_MS, REPLACEMENT_HOLDS_OTHERS_MS, watchFirstLoad } from '../../src/webviews/load-watchdog';

interface Watched {
  panel: { visible: boolean; title: string };
  ready: boolean;
  replaced: number[];
  watch: vscode.Disposable;
}

function watched(title: string, attempt = 0): Watched {
  const w = { panel: { visible: true, title }, ready: false, replaced: [] } as unknown as Watched;
  w.watch = watchFirstLoad(
    w.panel as unknown as vscode.WebviewPanel,
    () => w.ready,
    (n) => w.replaced.push(n),
    () => undefined,
    attempt,
  );
  return w;
}

/**
 * setInterval, clearInterval and Date.now on a clock the test moves (Node's own mock timers lose intervals that
 * are cleared from inside a callback). `tick` runs every due callback in time order, oldest interval first.
 */
class ManualTimers {
  private time = 0;
  private nextId = 1;
  private readonly intervals = new Map<number, { fn: () => void; every: number; due: number }>();
  private readonly saved = { setInterval, clearInterval, now: Date.now };

  install(start: number): void {
    this.time = start;
    globalThis.setInterval = ((fn: () => void, every: number) => {
      const id = this.nextId++;
      this.intervals.set(id, { fn, every, due: this.time + every });
      return id;
    }) as unknown as typeof setInterval;
    globalThis.clearInterval = ((id: number) => this.intervals.delete(id)) as typeof clearInterval;
    Date.now = () => this.time;
  }

  uninstall(): void {
    globalThis.setInterval = this.saved.setInterval;
    globalThis.clearInterval = this.saved.clearInterval;
    Date.now = this.saved.now;
    this.intervals.clear();
  }

  tick(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = Math.min(...[...this.intervals.values()].map((i) => i.due));
      if (!(due <= end)) break;
      this.time = due;
      for (const [id, interval] of [...this.intervals]) {
        if (interval.due !== due || !this.intervals.has(id)) continue;
        interval.due += interval.every;
        interval.fn();
      }
    }
    this.time = end;
  }
}

describe('webview load watchdog', () => {
  const open: Watched[] = [];
  const watch = (title: string, attempt = 0) => {
    const w = watched(title, attempt);
    open.push(w);
    return w;
  };
  const timers = new ManualTimers();
  // The watchdog remembers a replacement across panels: each test starts a day after the last one.
  let today = 0;
  beforeEach(() => timers.install((today += 86_400_000)));
  afterEach(() => {
    for (const w of open.splice(0)) w.watch.dispose();
    timers.uninstall();
  });

  it('replaces a panel visible for 10 s without its app saying ready, and leaves one that said ready', () => {
    const stalled = watch('stalled');
    const loaded = watch('loaded');
    loaded.ready = true;
    timers.tick(REPLACE_AFTER_MS[0] - 500);
    assert.deepStrictEqual(stalled.replaced, []);
    timers.tick(500);
    assert.deepStrictEqual(stalled.replaced, [1]);
    assert.deepStrictEqual(loaded.replaced, []);
  });

  it('counts only the time the panel is visible', () => {
    const hidden = watch('hidden');
    hidden.panel.visible = false;
    timers.tick(60_000);
    assert.deepStrictEqual(hidden.replaced, []);
    hidden.panel.visible = true;
    timers.tick(REPLACE_AFTER_MS[0]);
    assert.deepStrictEqual(hidden.replaced, [1]);
  });

  it('replaces a replacement once more after 35 s, and a second replacement never', () => {
    const first = watch('first replacement', 1);
    timers.tick(REPLACE_AFTER_MS[1]);
    assert.deepStrictEqual(first.replaced, [2]);
    const last = watch('second replacement', 2);
    timers.tick(10 * 60_000);
    assert.deepStrictEqual(last.replaced, []);
  });

  it('replaces panels that stalled together one at a time: the next once the previous replacement has loaded', () => {
    const a = watch('a');
    const b = watch('b');
    timers.tick(REPLACE_AFTER_MS[0]);
    assert.strictEqual(a.replaced.length + b.replaced.length, 1, 'only one replaced');
    const [first, second] = a.replaced.length ? [a, b] : [b, a];
    const replacement = watch(`${first.panel.title} again`, 1);
    timers.tick(2000);
    assert.deepStrictEqual(second.replaced, [], 'held back while the replacement loads');
    replacement.ready = true;
    timers.tick(1000); // the replacement's next check notices, then the waiting panel's
    assert.deepStrictEqual(second.replaced, [1]);
  });

  it('holds the others back at most 10 s for a replacement that does not load either', () => {
    const a = watch('a');
    const b = watch('b');
    timers.tick(REPLACE_AFTER_MS[0]);
    const [first, second] = a.replaced.length ? [a, b] : [b, a];
    watch(`${first.panel.title} again`, 1);
    timers.tick(REPLACEMENT_HOLDS_OTHERS_MS - 500);
    assert.deepStrictEqual(second.replaced, []);
    timers.tick(500);
    assert.deepStrictEqual(second.replaced, [1]);
  });

  it('stops holding the others back when the replacement is closed before it loads', () => {
    const a = watch('a');
    const b = watch('b');
    timers.tick(REPLACE_AFTER_MS[0]);
    const [first, second] = a.replaced.length ? [a, b] : [b, a];
    watch(`${first.panel.title} again`, 1).watch.dispose();
    timers.tick(500);
    assert.deepStrictEqual(second.replaced, [1]);
  });
});
