// What parses, validates and runs request cells: a bundle of its own (dist/notebooks.js, see esbuild.js), loaded
// when the first cell is run, edited or a notebook command is used, so that activation does not load it.
export { NotebookRunner } from './notebook-controller';
export { registerCellFeatures } from './cell-features';
export { runNotebookCommand } from './notebook-commands';
export { LookupLoader } from '../webviews/form/lookup-loader';
