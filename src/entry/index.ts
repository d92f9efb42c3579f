// What VS Code loads to activate the extension (dist/extension.js): stand-ins for every contributed command, tree
// view and panel serializer, and nothing else. The extension proper (dist/main.js: src/extension.ts and all it
// builds) is loaded by the first real use, a command run, a tree's first rows or a panel restored, and then
// activated exactly as if VS Code had loaded it.
// `import =`, not `import * as`: esbuild would copy every export of the API into a new object at load time, which
// is most of what loading this entry costs (and VS Code sends the request for our context only after it).
import vscode = require('vscode');
import type * as Main from './main';
import { StandIns, type Manifest } from './stand-ins';

let main: typeof Main | undefined;

export function activate(context: vscode.ExtensionContext): unknown {
  let exports: { value: unknown } | undefined;
  let failure: { error: unknown } | undefined;
  const load = (): unknown => {
    if (exports) return exports.value;
    if (failure) throw failure.error;
    try {
      main = require('./main') as typeof Main;
      main.handOver(standIns);
      exports = { value: main.activate(context) };
      return exports.value;
    } catch (error) {
      // Half of it may be registered by now: every later use reports the same failure rather than register twice.
      failure = { error };
      throw error;
    }
  };
  const standIns = new StandIns(load);
  context.subscriptions.push(...standIns.register(context.extension.packageJSON as Manifest));
  // Tests read the extension proper's test API from the exports; reading it is a use.
  return context.extensionMode === vscode.ExtensionMode.Test ? loadedOnRead(load) : undefined;
}

export function deactivate(): void {
  main?.deactivate();
}

/** An object that is the value `load` returns, loaded when a property is first read (never for `then`). */
function loadedOnRead(load: () => unknown): object {
  const target = (): object => Object(load()) as object;
  return new Proxy(
    {},
    {
      // VS Code and `await` look for `then` on whatever activate() returns: that is not a use.
      get: (_, key) => (key === 'then' ? undefined : Reflect.get(target(), key)),
      has: (_, key) => Reflect.has(target(), key),
    },
  );
}
