// altegio_describe_operation: what a model needs to call one operation — its parameters, its body schema trimmed,
// an example call with the user's default location, whether it writes or destroys, and the fields of its answer.
import * as vscode from 'vscode';
import type { OperationSpec } from '../api/catalog';
import { digestOperation } from './core/operation-digest';
import { textField } from './tool-input';
import type { AltegioTool, ToolContext } from './tool-types';

export class DescribeOperationTool implements AltegioTool {
  constructor(private readonly s: Pick<ToolContext, 'catalog' | 'operationSearch' | 'translation' | 'locations'>) {}

  prepare(input: unknown): vscode.PreparedToolInvocation {
    return {
      invocationMessage: vscode.l10n.t('Reading the description of {0}', textField(input, 'operationId') ?? '?'),
    };
  }

  invoke(input: unknown): Promise<string[]> {
    const id = textField(input, 'operationId');
    if (!id)
      return Promise.resolve([
        vscode.l10n.t('Give "operationId", as altegio_find_operations returns it (for example "issue_loyalty_card").'),
      ]);
    const op = this.s.catalog().operation(id);
    if (!op) return Promise.resolve([unknownOperation(id, this.s)]);
    const translation = this.s.translation();
    const location = this.s.locations.current;
    const digest = digestOperation(op, {
      locationId: location?.locationId,
      chainId: location?.chainId,
      summary: translation?.summary(op.id),
      section: translation?.sectionName(op.section),
      describeField: (where, fieldPath, english) => translation?.field(op.id, `${where}:${fieldPath}`) ?? english,
    });
    return Promise.resolve([describeInWords(op, digest.summary), JSON.stringify(digest)]);
  }
}

function describeInWords(op: OperationSpec, summary: string): string {
  const what = `${op.method} ${op.path} — ${summary}.`;
  if (op.destructive)
    return `${what} ${vscode.l10n.t('It is destructive: it removes or changes data irreversibly, and altegio_call asks the user to confirm it.')}`;
  if (!op.readOnly)
    return `${what} ${vscode.l10n.t('It writes: altegio_call asks the user to confirm before sending it.')}`;
  return `${what} ${vscode.l10n.t('It only reads.')}`;
}

/** An unknown id, with the operations whose words come closest. */
export function unknownOperation(id: string, s: Pick<ToolContext, 'operationSearch'>): string {
  const near = s
    .operationSearch()
    .search(id.replace(/[_/{}]+/g, ' '), 5)
    .operations.map((op) => op.id);
  return near.length > 0
    ? vscode.l10n.t('There is no operation "{0}". Did you mean: {1}?', id, near.join(', '))
    : vscode.l10n.t('There is no operation "{0}". Find one with altegio_find_operations.', id);
}
