// The notebook renderer for request cell outputs (mime application/vnd.altegio.response+json): reuses the response
// viewer's table and tree. It runs in VS Code's notebook output webview; it needs no eval and no inline script.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { ActivationFunction } from 'vscode-notebook-renderer';
import type { NotebookOutput } from '../../src/protocol/notebook-output';
import '../response/data-table';
import '../response/json-tree';
import { NotebookOutputView } from './notebook-output';

/** vscode-icon finds the codicon font through a stylesheet with this id in the document. */
function loadCodicons(): void {
  if (document.getElementById('vscode-codicon-stylesheet')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.id = 'vscode-codicon-stylesheet';
  link.href = new URL('codicons/codicon.css', import.meta.url).toString();
  document.head.append(link);
}

function isOutput(value: unknown): value is NotebookOutput {
  const o = value as NotebookOutput | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    (o.kind === 'response' || o.kind === 'summary') &&
    typeof o.strings === 'object' &&
    o.strings !== null
  );
}

export const activate: ActivationFunction = (context) => {
  loadCodicons();
  return {
    renderOutputItem(item, element) {
      const value: unknown = item.json();
      let view = element.querySelector<NotebookOutputView>('altegio-notebook-output');
      if (!view) {
        element.replaceChildren();
        view = new NotebookOutputView();
        element.append(view);
      }
      view.post = (message) => context.postMessage?.(message);
      if (isOutput(value)) view.output = value;
      else {
        // An output written by another version: show the JSON rather than nothing.
        view.remove();
        const pre = document.createElement('pre');
        pre.textContent = JSON.stringify(value, null, 2);
        element.append(pre);
      }
    },
    disposeOutputItem() {
      // Lit components clean up when their element leaves the DOM.
    },
  };
};
