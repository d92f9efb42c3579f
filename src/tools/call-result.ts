// The answer of a tool's request as a model reads it: status and timing, the data cut down (a long list as its
// count and first rows), Altegio's error and field problems with what to do, and how the user opens the whole
// answer (the history entry and a command link to the response viewer).
import * as vscode from 'vscode';
import { readTotal } from '../api/paging';
import { errorNotification } from '../services/error-text';
import { concretePath, type Exchange } from '../services/request-pipeline';
import { digestData } from './core/value-digest';
import { OPEN_TOOL_RESULT_COMMAND } from './tool-names';

/** Room kept for the sentences around the data. */
const WORDS_RESERVE = 700;
const MAX_META_CHARS = 400;

export function describeExchange(x: Exchange, maxChars: number): string[] {
  const op = x.operation;
  const where = `${op.method} ${concretePath(op, x.input)}`;
  const dataChars = Math.max(300, maxChars - WORDS_RESERVE);
  const opening = x.historyId ? openingNote(x.historyId) : undefined;
  if (x.error) {
    const said = [errorNotification(x.error), opening].filter(Boolean).join(' ');
    const body = x.response?.body;
    return body === undefined ? [said] : [said, JSON.stringify(digestData(body, { maxChars: dataChars }).value)];
  }
  const r = x.response!;
  const digest = digestData(r.data, { maxChars: dataChars });
  const sentences = [
    vscode.l10n.t('{0} answered {1} {2} in {3} ms.', where, r.status, r.statusText, Math.round(r.durationMs)),
  ];
  if (digest.kind === 'list') {
    const total = readTotal(op, r);
    sentences.push(
      total !== undefined && total !== digest.rows
        ? vscode.l10n.t('The data is a list of {0} rows on this page, {1} in all.', digest.rows!, total)
        : vscode.l10n.t('The data is a list of {0} rows.', digest.rows!),
    );
    if (digest.shownRows! < digest.rows!)
      sentences.push(vscode.l10n.t('Only the first {0} rows are shown below.', digest.shownRows!));
    else if (digest.shortened) sentences.push(vscode.l10n.t('Long values are shortened below.'));
  } else if (digest.kind === 'empty') sentences.push(vscode.l10n.t('The answer has no data.'));
  else if (digest.shortened) sentences.push(vscode.l10n.t('The data is shortened below.'));
  if (opening) sentences.push(opening);
  const meta = digestData(r.meta, { maxChars: MAX_META_CHARS });
  return [
    sentences.join(' '),
    JSON.stringify({ data: digest.value, ...(meta.kind !== 'empty' ? { meta: meta.value } : {}) }),
  ];
}

function openingNote(historyId: string): string {
  const args = encodeURIComponent(JSON.stringify([historyId]));
  return vscode.l10n.t(
    'The whole answer is in the Altegio History (entry {0}); the user can open it in the response viewer: [Open the full answer]({1}).',
    historyId,
    `command:${OPEN_TOOL_RESULT_COMMAND}?${args}`,
  );
}
