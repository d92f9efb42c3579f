// Loaded in development mode beside the installed Altegio extension by bench/extension-host.ts. Waits until Altegio
// is activated (by whatever the bench does in the UI), then writes the extension host's own performance marks for it
// (the ones "Developer: Show Running Extensions" is computed from) to <workspace>/.bench/activation.json.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const TARGET = 'altegio-tools.altegio-vscode';

function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return;
  const out = path.join(folder, '.bench', 'activation.json');
  const wasActive = vscode.extensions.getExtension(TARGET)?.isActive ?? false;
  const started = Date.now();
  const poll = setInterval(() => {
    const extension = vscode.extensions.getExtension(TARGET);
    if (!extension?.isActive && Date.now() - started < 120000) return;
    clearInterval(poll);
    // VS Code's marks in the extension host (vs/base/common/performance): { name, startTime } in epoch ms.
    const marks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify({
        wasActiveWhenProbeStarted: wasActive,
        active: extension?.isActive ?? false,
        marks: marks.filter((m) => m.name.endsWith(`/${TARGET}`) || m.name.startsWith('code/extHost/')),
      }),
    );
  }, 2);
}

module.exports = { activate, deactivate() {} };
