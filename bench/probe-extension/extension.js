// Loaded in development mode beside the installed extensions by bench/extension-host.ts. Waits until each target
// (Altegio, and the bench's baseline extension) is activated by whatever the bench does in the UI, then writes the
// extension host's own performance marks for it (the ones "Developer: Show Running Extensions" is computed from) to
// <workspace>/.bench/activation-<extension id>.json.
'use strict';

const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const TARGETS = ['altegio-tools.altegio-vscode', 'altegio-tools.altegio-bench-baseline'];

function activate() {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return;
  const started = Date.now();
  const waiting = new Map(TARGETS.map((id) => [id, vscode.extensions.getExtension(id)?.isActive ?? false]));
  const poll = setInterval(() => {
    for (const [id, wasActive] of waiting) {
      const extension = vscode.extensions.getExtension(id);
      if (!extension?.isActive && Date.now() - started < 120000) continue;
      waiting.delete(id);
      // VS Code's marks in the extension host (vs/base/common/performance): { name, startTime } in epoch ms.
      const marks = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
      const out = path.join(folder, '.bench', `activation-${id}.json`);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(
        out,
        JSON.stringify({
          wasActiveWhenProbeStarted: wasActive,
          active: extension?.isActive ?? false,
          marks: marks.filter((m) => m.name.endsWith(`/${id}`) || m.name.startsWith('code/extHost/')),
        }),
      );
    }
    if (waiting.size === 0) clearInterval(poll);
  }, 2);
}

module.exports = { activate, deactivate() {} };
