// The response viewer's messages, both directions, and the guards the host checks every incoming one with.
// Handshake: the app posts `ready` once it listens; the host posts nothing before it, then `show`.
import {
  bool,
  int,
  literal,
  object,
  optional,
  parseMessage,
  plainJsonProblem,
  str,
  type MessageOf,
  type Parsed,
} from './guard';
import type { ResponseStrings } from './response-strings';
import { CSP_VIOLATION_MESSAGE } from './csp-report';

export const RESPONSE_VIEW_TYPE = 'altegio.response';

export type ErrorAction = 'signIn' | 'openHistory' | 'editRequest' | 'retry';

export interface ErrorView {
  kind: string;
  /** One line: "401 Unauthorized — the tokens were rejected". */
  title: string;
  /** What happened (the error's message, never a token). */
  message: string;
  /** Altegio's `meta.message`. */
  apiMessage?: string;
  /** Altegio's `meta.errors`: messages by field. */
  fieldErrors: [string, string[]][];
  /** What to do about it. */
  advice: string;
  actions: ErrorAction[];
  /** False when it is certain nothing reached the server. */
  sent: boolean;
}

export interface PagingView {
  canNext: boolean;
  canFetchAll: boolean;
  total?: number;
}

export interface CombinedView {
  pages: number;
  items: number;
  total?: number;
  truncated: boolean;
}

/** Everything the viewer shows about one exchange. Tokens never appear: headers and exports are masked. */
export interface ResponseView {
  title: string;
  operationId: string;
  method: string;
  /** The concrete path, e.g. /loyalty/cards/720441. */
  path: string;
  url: string;
  environment: string;
  /** ISO time of the answer. */
  time: string;
  status?: number;
  statusText?: string;
  ok: boolean;
  durationMs?: number;
  sizeBytes?: number;
  attempts?: number;
  responseHeaders: [string, string][];
  requestHeaders: [string, string][];
  /** `included`: `body` is here; `empty`: no body (204); `tooLarge`: opened in an editor; `unavailable`: not kept. */
  bodyState: 'included' | 'empty' | 'tooLarge' | 'unavailable';
  body?: unknown;
  /** Where the data sits in the body: `data` (the envelope) or the whole body. */
  dataPath: 'data' | '';
  requestBody?: string;
  curl: string;
  http: string;
  error?: ErrorView;
  paging?: PagingView;
  combined?: CombinedView;
  historyId?: string;
  largeThresholdBytes: number;
}

/** What the app keeps with setState, and what the serializer gets back after a reload. */
export interface ResponseWebviewState {
  historyId?: string;
  pinned: boolean;
  tab: number;
}

export type ResponseHostMessage =
  | { type: 'show'; view: ResponseView; strings: ResponseStrings; pinned: boolean }
  | { type: 'pinned'; pinned: boolean }
  | {
      type: 'paging';
      phase: 'running' | 'done' | 'cancelled' | 'failed';
      page: number;
      items: number;
      total?: number;
      message?: string;
    }
  | { type: 'notice'; message: string };

const MAX_TEXT = 100 * 1024 * 1024;

/** The user-timing measure the viewer app records when the first frame with the data is painted. */
export const DATA_SHOWN_MEASURE = 'altegio: data shown';

export const RESPONSE_WEBVIEW_MESSAGES = {
  ready: object({}),
  openInEditor: object({}),
  copy: object({ text: str({ max: MAX_TEXT }), what: literal('json', 'curl', 'http', 'value') }),
  saveCsv: object({ csv: str({ max: MAX_TEXT }), rows: int({ min: 0, max: 10_000_000 }) }),
  nextPage: object({}),
  fetchAll: object({}),
  cancelPaging: object({}),
  pin: object({ pinned: bool }),
  action: object({ action: literal<ErrorAction>('signIn', 'openHistory', 'editRequest', 'retry') }),
  /** The request behind the answer into a notebook or the clipboard as code (the host asks which language). */
  saveToNotebook: object({}),
  copyAsCode: object({}),
  ...CSP_VIOLATION_MESSAGE,
};

export type ResponseWebviewMessage = MessageOf<typeof RESPONSE_WEBVIEW_MESSAGES>;

export function parseResponseMessage(raw: unknown): Parsed<ResponseWebviewMessage> {
  return parseMessage(RESPONSE_WEBVIEW_MESSAGES, raw);
}

export function parseResponseState(raw: unknown): ResponseWebviewState | undefined {
  if (plainJsonProblem(raw, 64 * 1024)) return undefined;
  const error = object({
    historyId: optional(str({ max: 100, pattern: /^[A-Za-z0-9-]+$/ })),
    pinned: bool,
    tab: int({ min: 0, max: 10 }),
  }).check(raw, 'state');
  return error ? undefined : (raw as ResponseWebviewState);
}
