// What the user is asked before a tool sends a write: the operation, the location (and chain), the environment
// and the body — in the chat (prepareInvocation's confirmation messages) and in our own modal outside a chat.
// A destructive operation says so in the title.
import * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';
import { maskSensitiveFields } from '../api/sensitive';
import type { Environment } from '../services/environments';
import type { Confirmation } from '../services/request-pipeline';
import { truncateText } from './core/value-digest';

export interface ConfirmationFacts {
  operation: OperationSpec;
  /** The summary in the display language. */
  summary: string;
  /** The concrete path. */
  path: string;
  environment: Environment;
  location?: { id: unknown; title?: string };
  chain?: { id: unknown; title?: string };
  body?: unknown;
}

const MAX_BODY_CHARS = 2000;

function title(f: ConfirmationFacts): string {
  const op = f.operation;
  return op.destructive
    ? vscode.l10n.t('Destructive: {0} {1}. Allow the assistant to send it?', op.method, f.summary)
    : vscode.l10n.t('Allow the assistant to send {0} {1}?', op.method, f.summary);
}

/** The facts as lines: label and value. */
function lines(f: ConfirmationFacts): [string, string][] {
  const op = f.operation;
  const named = (x: { id: unknown; title?: string }) =>
    x.title ? `${x.title} (#${String(x.id)})` : `#${String(x.id)}`;
  const out: [string, string][] = [[vscode.l10n.t('Operation'), `${op.method} ${f.path} (${op.id})`]];
  if (f.location) out.push([vscode.l10n.t('Location'), named(f.location)]);
  if (f.chain) out.push([vscode.l10n.t('Chain'), named(f.chain)]);
  out.push([vscode.l10n.t('Environment'), `${f.environment.label} — ${f.environment.baseUrl}`]);
  return out;
}

function bodyText(f: ConfirmationFacts): string | undefined {
  if (f.body === undefined) return undefined;
  return truncateText(JSON.stringify(maskSensitiveFields(f.body), null, 2), MAX_BODY_CHARS);
}

function warning(f: ConfirmationFacts): string {
  return f.operation.destructive
    ? vscode.l10n.t('This operation removes or changes data and cannot be undone from here.')
    : vscode.l10n.t('This request changes data in Altegio.');
}

/** The confirmation VS Code shows in the chat (and, outside one, in its own dialog as plain text). */
export function confirmationOf(f: ConfirmationFacts): vscode.LanguageModelToolConfirmationMessages {
  // The warning first and the body last: outside a chat VS Code shows this as plain text, where nothing may
  // follow a code block (its closing line is dropped and the next paragraph runs on).
  const md = new vscode.MarkdownString().appendText(warning(f)).appendMarkdown('\n\n');
  for (const [label, value] of lines(f)) md.appendMarkdown(`**${label}:** `).appendText(value).appendMarkdown('  \n');
  const body = bodyText(f);
  if (body !== undefined) {
    md.appendMarkdown(`**${vscode.l10n.t('Body')}:**\n`);
    md.appendCodeblock(body, 'json');
  }
  return { title: title(f), message: md };
}

/** Our own modal, for a call made outside a chat. */
export function modalConfirmation(f: ConfirmationFacts): Confirmation {
  const body = bodyText(f);
  const detail = [
    ...lines(f).map(([label, value]) => `${label}: ${value}`),
    ...(body !== undefined ? [`${vscode.l10n.t('Body')}:`, body] : []),
    '',
    warning(f),
  ].join('\n');
  const button =
    f.operation.destructive && f.operation.method === 'DELETE' ? vscode.l10n.t('Delete') : vscode.l10n.t('Send');
  return { message: title(f), detail, button };
}
