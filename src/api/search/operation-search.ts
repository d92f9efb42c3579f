// The catalog's operations found by words: the search index over the compact catalog index (or the full catalog),
// answering with its operations.
import type { OperationSummary } from '../catalog';
import { operationRecords, type SearchTranslation } from './records';
import { CatalogSearchIndex } from './search-index';

/** What the search reads: the compact catalog index and the full catalog both have it. */
export interface SearchableCatalog<O extends OperationSummary> {
  readonly operations: readonly O[];
  operation(id: string): O | undefined;
}

export interface OperationSearchResult<O extends OperationSummary = OperationSummary> {
  /** Best first; empty when nothing matched. */
  operations: O[];
  /** Words that match no operation and were left out of the search. */
  ignoredWords: string[];
  /** No operation matched every word; these matched the most. */
  partial: boolean;
}

export class OperationSearch<O extends OperationSummary = OperationSummary> {
  private readonly index: CatalogSearchIndex;

  constructor(
    private readonly catalog: SearchableCatalog<O>,
    russian?: SearchTranslation,
  ) {
    this.index = new CatalogSearchIndex(operationRecords(catalog.operations, russian));
  }

  search(query: string, limit?: number): OperationSearchResult<O> {
    const result = this.index.search(query, { limit });
    return {
      operations: result.hits.map((h) => this.catalog.operation(h.record.id)!),
      ignoredWords: result.ignoredWords,
      partial: result.partial,
    };
  }
}
