// How the host reaches the word search over the catalog: built on first use (the palette's first keystroke or
// the API tree's first filter), from the compact catalog index and the Russian catalogue, so both languages match.
import type { OperationSummary } from '../api/catalog';
import type { OperationSearch } from '../api/search';

export type OperationSearchSource = () => OperationSearch<OperationSummary>;
