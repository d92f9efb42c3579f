// The editor column a webview panel is really in, read from the tab groups. WebviewPanel.viewColumn cannot be
// trusted for this in VS Code 1.100: a panel revived after a reload reports its group's 0-based index (the
// revival skips the 1-based conversion) until its next view-state change, and a panel opened with
// ViewColumn.Beside reports none until then. The tab groups are always current.
import * as vscode from 'vscode';

export function panelColumn(panel: vscode.WebviewPanel): vscode.ViewColumn | undefined {
  const isThisPanel = (tab: vscode.Tab | undefined) =>
    tab?.input instanceof vscode.TabInputWebview &&
    tab.input.viewType.endsWith(panel.viewType) &&
    tab.label === panel.title;
  const groups = vscode.window.tabGroups.all.filter((group) => group.tabs.some(isThisPanel));
  if (groups.length === 1) return groups[0].viewColumn;
  // Panels with this title in several groups: the group showing one, if only one does and this panel is showing.
  const showing = groups.filter((group) => isThisPanel(group.activeTab));
  return showing.length === 1 && panel.visible ? showing[0].viewColumn : panel.viewColumn;
}
