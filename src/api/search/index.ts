// Word search over the catalog's operations (palette, API tree filter, Copilot tools).
export {
  CatalogSearchIndex,
  type SearchHit,
  type SearchOptions,
  type SearchRecord,
  type SearchResult,
} from './search-index';
export { operationRecords, type SearchTranslation } from './records';
export { OperationSearch, type OperationSearchResult, type SearchableCatalog } from './operation-search';
