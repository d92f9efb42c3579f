// node-fetch loaded with the first request, not to activate: in the extension it is a bundle of its own
// (dist/http-stack.js, see esbuild.js).
import type * as HttpStack from './http-stack';

let loaded: typeof HttpStack | undefined;

export function httpStack(): typeof HttpStack {
  loaded ??= require('./http-stack') as typeof HttpStack;
  return loaded;
}
