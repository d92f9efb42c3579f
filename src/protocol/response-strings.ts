// Every text the response viewer shows, localised by the host (vscode.l10n.t) and sent with `show`.
// `{0}`-style placeholders are filled in by the app.
import type { PluralStrings, UnitStrings } from './units';

export interface ResponseStrings {
  dataTab: string;
  rawTab: string;
  headersTab: string;
  requestTab: string;
  pin: string;
  unpin: string;
  openInEditor: string;
  copy: string;
  copied: string;
  editRequest: string;
  /** {0}: the duration. */
  duration: string;
  /** {0}: the size. */
  size: string;
  /** {0}: the count of attempts. */
  attempts: PluralStrings;
  /** {0}: the environment. */
  environment: string;
  noStatus: string;
  emptyBody: string;
  /** {0}: the size, {1}: the threshold. */
  tooLarge: string;
  unavailable: string;
  filter: string;
  columns: string;
  exportCsv: string;
  /** {0}: shown rows, {1}: all rows. */
  rowsFiltered: string;
  /** {0}: rows. */
  rowsAll: PluralStrings;
  valueColumn: string;
  sortAscending: string;
  sortDescending: string;
  noRows: string;
  noMatches: string;
  nextPage: string;
  fetchAll: string;
  cancel: string;
  /** {0}: pages, {1}: items, {2}: total. */
  pagingProgressTotal: string;
  /** {0}: pages, {1}: items. */
  pagingProgress: string;
  /** {0}: items, {1}: pages. */
  combined: string;
  combinedTruncated: string;
  /** {0}: total. */
  totalItems: string;
  selectedRow: string;
  closeRow: string;
  expand: string;
  collapse: string;
  /** {0}: count. */
  itemsCount: PluralStrings;
  /** {0}: count. */
  keysCount: PluralStrings;
  showMore: string;
  requestHeaders: string;
  responseHeaders: string;
  noHeaders: string;
  curl: string;
  httpFile: string;
  requestBody: string;
  tokensMasked: string;
  altegioSaid: string;
  fieldErrors: string;
  whatToDo: string;
  notSent: string;
  signIn: string;
  openHistory: string;
  retry: string;
  showAllColumns: string;
  cutNotice: string;
  /** Durations and sizes. */
  units: UnitStrings;
}
