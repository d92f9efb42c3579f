// The code of the bench's baseline extension, whose manifest is Altegio's (bench/extension-host.ts builds it): it
// gives each view an empty tree and does nothing else, so that its activation figure is what VS Code costs an
// extension that contributes what Altegio contributes, whatever the extension's own code does.
'use strict';

const vscode = require('vscode');

function activate(context) {
  const empty = { getTreeItem: (e) => e, getChildren: () => [] };
  for (const views of Object.values(context.extension.packageJSON.contributes.views))
    for (const view of views) context.subscriptions.push(vscode.window.registerTreeDataProvider(view.id, empty));
}

module.exports = { activate, deactivate() {} };
