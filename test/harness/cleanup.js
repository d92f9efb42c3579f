// One place that stops whatever a harness process started (code-server, Chromium, the sandbox, throw-away
// profiles): on normal completion, on an uncaught error, and on Ctrl+C / SIGTERM / SIGHUP.
//
// Why not per-script try/finally alone: a signal ends the process without running `finally` blocks, and the
// servers we start run in their own process groups (so that one kill reaches their children too), which also
// means the terminal's Ctrl+C does not reach them. Something has to kill them on the way out: this module.
'use strict';

/** @typedef {{ name: string, stop: () => Promise<void> | void, stopSync?: () => void }} CleanupTask */

/** @type {CleanupTask[]} */
const tasks = [];
let handlersInstalled = false;
let stopping = false;
/** @type {number | undefined} */
let signalExitCode;

/**
 * The exit code after a signal-triggered cleanup. Default: 128 + the signal's number (130 for Ctrl+C), as a shell
 * reports it; a long-running command such as `npm start`, for which Ctrl+C is the normal way to stop, sets 0.
 * @param {number} code
 */
function setSignalExitCode(code) {
  signalExitCode = code;
}

/**
 * Registers something to stop on the way out. `stop` may be async (close a browser, wait for a server to exit);
 * `stopSync` is the last resort used from the synchronous 'exit' event (SIGKILL a process group, rm a folder).
 * Returns a function that unregisters the task (call it after stopping the thing yourself).
 * @param {string} name
 * @param {() => Promise<void> | void} stop
 * @param {() => void} [stopSync]
 * @returns {() => void}
 */
function onCleanup(name, stop, stopSync) {
  installHandlers();
  /** @type {CleanupTask} */
  const task = { name, stop, stopSync };
  tasks.push(task);
  return () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
  };
}

/**
 * Runs every registered cleanup, newest first (a browser before the server it talks to), each at most once.
 * A task leaves the list only once it has finished, so that if the process is forced to exit meanwhile, the exit
 * hook still runs the synchronous fallback of the one in progress.
 */
async function cleanupAll() {
  stopping = true;
  while (tasks.length > 0) {
    const task = tasks[tasks.length - 1];
    try {
      await task.stop();
    } catch (e) {
      console.error(`[cleanup] stopping ${task.name} failed: ${e && e.message ? e.message : e}`);
      try {
        task.stopSync?.();
      } catch {
        /* best effort: the exit hook tries nothing more */
      }
    }
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
  }
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  let firstSignalAt = 0;
  const onSignal = (signal, code) => {
    if (stopping) {
      // One Ctrl+C often arrives twice (from the terminal, and forwarded by a parent such as test-electron): only
      // a signal well after the first means "stop waiting"; the exit hook then kills what is left.
      if (Date.now() - firstSignalAt < 2000) return;
      console.error(`[cleanup] ${signal} again: killing what is left`);
      process.exit(signalExitCode ?? code);
    }
    stopping = true;
    firstSignalAt = Date.now();
    console.error(`[cleanup] ${signal}: stopping ${tasks.map((t) => t.name).join(', ') || 'nothing'}…`);
    cleanupAll().finally(() => process.exit(signalExitCode ?? code));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));
  // Whatever is still registered when the process exits (an uncaught error, process.exit() from elsewhere)
  // gets its synchronous fallback: no async work is possible here.
  process.on('exit', () => {
    for (const task of tasks.splice(0).reverse()) {
      try {
        task.stopSync?.();
      } catch {
        /* nothing more can be done while exiting */
      }
    }
  });
}

/** True once the cleanup has started (on a signal or on the way out): processes dying now are being stopped, not crashing. */
function isStopping() {
  return stopping;
}

module.exports = { onCleanup, cleanupAll, setSignalExitCode, isStopping };
