// The request form's messages, both directions, and the guards the host checks every incoming one with.
// Handshake: the app posts `ready` once it listens; the host posts nothing before it, then `init`.
import type { FormModel, FormValues } from '../api/form-types';
import {
  int,
  json,
  literal,
  object,
  optional,
  parseMessage,
  plainJsonProblem,
  record,
  str,
  type MessageOf,
  type Parsed,
} from './guard';
import type { FormStrings } from './form-strings';
import { CSP_VIOLATION_MESSAGE } from './csp-report';

export const FORM_VIEW_TYPE = 'altegio.requestForm';

/** What the form needs to know about the session (no token, ever: only whether one is there). */
export interface AuthView {
  environment: string;
  signedIn: boolean;
  hasUserToken: boolean;
  /** Production is read-only and this operation writes: it will not be sent. */
  readOnlyBlocked: boolean;
}

export interface FieldIssue {
  /** `location:field` as src/api/form-model.ts `fieldKey` builds it, e.g. `body:phone`, `body:services[0].id`. */
  key: string;
  message: string;
  /** `schema`: found before sending; `server`: Altegio's answer named the field. */
  source: 'schema' | 'server';
  /** A required value is absent: shown once the field was touched or a send was attempted. */
  missing: boolean;
}

export interface LookupOptionView {
  value: string | number;
  label: string;
  description?: string;
}

export interface SummaryItem {
  label: string;
  value: string;
  description?: string;
}

export interface UiState {
  tab: 'fields' | 'json';
}

/** What the app keeps with setState, and what the serializer gets back after a reload. */
export interface FormWebviewState {
  operationId: string;
  values: FormValues;
  ui: UiState;
}

export type FormHostMessage =
  | {
      type: 'init';
      model: FormModel;
      values: FormValues;
      strings: FormStrings;
      auth: AuthView;
      ui: UiState;
      issues: FieldIssue[];
    }
  | { type: 'validation'; seq: number; issues: FieldIssue[] }
  | { type: 'auth'; auth: AuthView }
  | { type: 'setValues'; values: FormValues; issues: FieldIssue[] }
  | {
      type: 'lookup';
      field: string;
      status: 'loading' | 'ready' | 'unavailable' | 'error';
      options: LookupOptionView[];
      message?: string;
      term?: string;
    }
  | { type: 'sending'; sending: boolean }
  | {
      type: 'result';
      outcome: 'success' | 'failure' | 'cancelled' | 'blocked';
      title: string;
      message?: string;
      status?: number;
      summary: SummaryItem[];
      issues: FieldIssue[];
      canOpenResponse: boolean;
    }
  | { type: 'fileChosen'; key: string; token: string; label: string };

/** Limits on what a form may send: generous for real requests, small enough that nothing can flood the host. */
const FORM_MESSAGE_SIZE = 16 * 1024 * 1024;
const VALUES_LIMITS = { maxDepth: 24, maxNodes: 50_000, maxStringLength: 200_000 };
const FIELD_NAME = /^[A-Za-z0-9_.[\]-]{0,200}$/;
const KEY = /^(path|query|body):[^\n]{0,400}$/;

const formValues = object({
  path: record(json(VALUES_LIMITS), { maxKeys: 100, key: FIELD_NAME }),
  query: record(json(VALUES_LIMITS), { maxKeys: 200, key: FIELD_NAME }),
  body: optional(json(VALUES_LIMITS)),
});

export const FORM_WEBVIEW_MESSAGES = {
  ready: object({}),
  change: object({ seq: int({ min: 0 }), values: formValues }),
  uiState: object({ tab: literal('fields', 'json') }),
  lookupSearch: object({ field: str({ max: 100, pattern: FIELD_NAME }), term: str({ max: 200 }) }),
  lookupRefresh: object({ field: str({ max: 100, pattern: FIELD_NAME }) }),
  send: object({ seq: int({ min: 0 }), values: formValues }),
  /** Send despite schema problems, after the host's modal lists them (see send-anyway.ts). */
  sendAnyway: object({ seq: int({ min: 0 }), values: formValues }),
  cancel: object({}),
  fillExamples: object({}),
  reset: object({}),
  openResponse: object({}),
  chooseFile: object({ key: str({ max: 420, pattern: KEY }) }),
  signIn: object({}),
  openSetting: object({}),
  openDocs: object({}),
  /** The form's request, as it is now, into a notebook or the clipboard as code (the host asks which language). */
  saveToNotebook: object({}),
  copyAsCode: object({}),
  ...CSP_VIOLATION_MESSAGE,
};

export type FormWebviewMessage = MessageOf<typeof FORM_WEBVIEW_MESSAGES>;

export function parseFormMessage(raw: unknown): Parsed<FormWebviewMessage> {
  return parseMessage(FORM_WEBVIEW_MESSAGES, raw, { maxSize: FORM_MESSAGE_SIZE });
}

/** The state a restored panel hands back; checked like any message, plus the operation id against the catalog. */
export function parseFormState(raw: unknown, knownOperation: (id: string) => boolean): FormWebviewState | undefined {
  if (plainJsonProblem(raw, FORM_MESSAGE_SIZE)) return undefined;
  const check = object({
    operationId: str({ max: 200, pattern: /^[A-Za-z0-9_]+$/ }),
    values: formValues,
    ui: object({ tab: literal('fields', 'json') }),
  }).check(raw, 'state');
  if (check) return undefined;
  const state = raw as FormWebviewState;
  return knownOperation(state.operationId) ? state : undefined;
}
