// Every text the response viewer shows, localised by the host (vscode.l10n.t) and sent with `show`.
// `{0}`-style placeholders are filled in by the app; texts with a count come in their plural forms, `{0}` the count.
import type { PluralText } from './plural';
import type { UnitStrings } from './units';

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
  saveToNotebook: string;
  copyAsCode: string;
  /** {0}: the duration. */
  duration: string;
  /** {0}: the size. */
  size: string;
  /** {0}: the count of attempts. */
  attempts: PluralText;
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
  /** {0}: the loaded rows, {1}: the rows that match the filter. */
  rowsMatching: PluralText;
  /** {0}: the loaded rows. */
  rows: PluralText;
  valueColumn: string;
  sortAscending: string;
  sortDescending: string;
  noRows: string;
  noMatches: string;
  nextPage: string;
  fetchAll: string;
  cancel: string;
  /** {0}: the whole list's items, {1}: the page, {2}: the items read so far. */
  pagingProgressTotal: PluralText;
  /** {0}: the items read so far, {1}: the page. */
  pagingProgress: PluralText;
  /** {0}: the items text, {1}: the pages text. */
  combined: string;
  /** {0}: items. */
  items: PluralText;
  /** {0}: pages. */
  pages: PluralText;
  combinedTruncated: string;
  /** {0}: the whole list's items, {1}: the loaded ones. */
  loadedOfTotal: PluralText;
  selectedRow: string;
  closeRow: string;
  expand: string;
  collapse: string;
  /** {0}: count. */
  keysCount: PluralText;
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
