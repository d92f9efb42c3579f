// The texts of the notebook renderer, in the user's language; they travel with each output.
import * as vscode from 'vscode';
import type { NotebookOutputStrings } from '../protocol/notebook-output';
import { responseStrings } from '../webviews/response/response-strings';

export function notebookOutputStrings(): NotebookOutputStrings {
  return {
    ...responseStrings(),
    tooLarge: vscode.l10n.t(
      'This answer is {0}, more than the {1} a notebook shows (setting "altegio.responseViewer.largeResponseThresholdMB"). It was opened in an editor.',
    ),
    row: vscode.l10n.t('Row'),
    status: vscode.l10n.t('Status'),
    id: vscode.l10n.t('ID'),
    error: vscode.l10n.t('Error'),
    outcome: vscode.l10n.t('Outcome'),
    summaryLine: vscode.l10n.t('{0} done, {1} failed, {2} unknown, {3} skipped'),
    dryRun: vscode.l10n.t('Dry run: nothing was sent'),
    cancelled: vscode.l10n.t('Stopped: the rows after it were not sent'),
    done: vscode.l10n.t('done'),
    failed: vscode.l10n.t('failed'),
    unknown: vscode.l10n.t('outcome unknown'),
    skipped: vscode.l10n.t('skipped (done before)'),
    notRun: vscode.l10n.t('not run'),
  };
}
