// altegio_find_operations: the catalog's operations found by words (the palette's search, English and Russian),
// each with its id, method, path, summary and whether it writes.
import * as vscode from 'vscode';
import { intField, textField } from './tool-input';
import type { AltegioTool, ToolContext } from './tool-types';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 30;

export class FindOperationsTool implements AltegioTool {
  constructor(private readonly s: Pick<ToolContext, 'operationSearch' | 'translation'>) {}

  prepare(input: unknown): vscode.PreparedToolInvocation {
    const query = textField(input, 'query') ?? '';
    return { invocationMessage: vscode.l10n.t('Searching the Altegio API for "{0}"', query) };
  }

  invoke(input: unknown): Promise<string[]> {
    const query = textField(input, 'query');
    if (!query)
      return Promise.resolve([
        vscode.l10n.t('Give "query": words that describe the operation, for example "issue loyalty card".'),
      ]);
    const limit = intField(input, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
    const found = this.s.operationSearch().search(query, limit);
    if (found.operations.length === 0)
      return Promise.resolve([
        vscode.l10n.t('No Altegio operation matches "{0}". Try other words, in English or Russian.', query),
      ]);
    const translation = this.s.translation();
    const rows = found.operations.map((op) => ({
      operationId: op.id,
      method: op.method,
      path: op.path,
      summary: translation?.summary(op.id) ?? op.summary,
      section: translation?.sectionName(op.section) ?? op.section,
      writes: !op.readOnly,
      ...(op.destructive ? { destructive: true } : {}),
      ...(op.deprecated ? { deprecated: true } : {}),
    }));
    const notes = [
      vscode.l10n.t(
        '{0} operations match "{1}", best first. Describe one with altegio_describe_operation before calling it with altegio_call.',
        rows.length,
        query,
      ),
    ];
    if (found.partial) notes.push(vscode.l10n.t('No operation matches every word; these match the most.'));
    if (found.ignoredWords.length > 0)
      notes.push(vscode.l10n.t('Words that match nothing were left out: {0}.', found.ignoredWords.join(', ')));
    return Promise.resolve([notes.join(' '), JSON.stringify(rows)]);
  }
}
