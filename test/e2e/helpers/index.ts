// Everything a scenario needs, in one import: `import { openWorkbench, runCommand, … } from './helpers';`
export * from './workbench';
export * from './views';
export * from './tree';
export * from './quick-input';
export * from './notifications';
export * from './dialogs';
export * from './webview';
export * from './text';
export * from './steps';
export * from './visible-text';
export * from './language-check';
