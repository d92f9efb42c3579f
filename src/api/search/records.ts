// The search records of the catalog's operations: the compact fields the search reads, with the Russian
// summary and section name when a translation of the catalog is given.
import type { OperationSpec } from '../catalog';
import type { SearchRecord } from './search-index';

/** The Russian names the search also matches (see src/api/l10n). */
export interface SearchTranslation {
  summary(operationId: string): string | undefined;
  sectionName(section: string): string | undefined;
}

export function operationRecords(operations: readonly OperationSpec[], russian?: SearchTranslation): SearchRecord[] {
  return operations.map((op) => ({
    id: op.id,
    method: op.method,
    path: op.path,
    summary: op.summary,
    tag: op.section,
    destructive: op.destructive,
    deprecated: op.deprecated,
    readOnly: op.readOnly,
    summaryRu: russian?.summary(op.id),
    tagRu: russian?.sectionName(op.section),
  }));
}
