// Numbers, durations, sizes and dates in VS Code's display language (see src/protocol/units.ts): the unit words
// localised here, for the host's own texts and for the webview apps, which get the same strings.
import * as vscode from 'vscode';
import { UnitFormat, type UnitStrings } from '../protocol/units';

export function unitStrings(): UnitStrings {
  return {
    milliseconds: vscode.l10n.t('{0} ms'),
    seconds: vscode.l10n.t('{0} s'),
    bytes: vscode.l10n.t('{0} B'),
    kilobytes: vscode.l10n.t('{0} KB'),
    megabytes: vscode.l10n.t('{0} MB'),
    gigabytes: vscode.l10n.t('{0} GB'),
  };
}

let cached: { language: string; format: UnitFormat } | undefined;

export function units(): UnitFormat {
  const language = vscode.env.language;
  if (cached?.language !== language) cached = { language, format: new UnitFormat(language, unitStrings()) };
  return cached.format;
}
