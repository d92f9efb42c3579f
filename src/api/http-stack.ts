// node-fetch and its helpers (fetch-blob, formdata-polyfill), the entry of a bundle of their own (dist/http-stack.js,
// see esbuild.js): the extension loads it with the first request, through lazy-http-stack.ts.
export { default as fetch, File, FormData } from 'node-fetch';
