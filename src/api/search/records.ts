// The search records of the catalog's operations (the compact index's summaries or the full specs): the compact fields the search reads, with the Russian
// summary and section name when a translation of the catalog is given.
import type { OperationSummary } from '../catalog';
import type { SearchRecord } from './search-index';

/** The Russian names the search also matches (see src/api/l10n). */
export interface SearchTranslation {
  summary(operationId: string): string | undefined;
  sectionName(section: string): string | undefined;
}

export function operationRecords(operations: readonly OperationSummary[], russian?: SearchTranslation): SearchRecord[] {
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
