// Request validation (Ajv and its formats) loaded on first use: in the extension it is a bundle of its own
// (dist/validation.js, see esbuild.js), so that activation and the first paint of the views do not load it.
import type * as Validation from './validation';

let loaded: typeof Validation | undefined;

export function validation(): typeof Validation {
  loaded ??= require('./validation') as typeof Validation;
  return loaded;
}
