// Watching the webview panels through the extension's test-mode observer: the open forms and viewers, opening a
// form or showing an answer and waiting for its app, delivering a message as if an app had posted it and waiting for
// the answer, and closing them all.
import * as vscode from 'vscode';
import type { OperationSpec } from '../../../src/api/catalog';
import type { FormValues } from '../../../src/api/form-types';
import type { FormHostMessage } from '../../../src/protocol/form-protocol';
import type { ResponseHostMessage } from '../../../src/protocol/response-protocol';
import type { Exchange } from '../../../src/services/request-pipeline';
import type { AltegioTestApi, PanelRecord } from '../../../src/test-mode';
import type { OpenOptions, Prefill } from '../../../src/webviews/ports';
import { altegio } from './altegio';
import { waitFor } from './extension';

export type FormInit = Extract<FormHostMessage, { type: 'init' }>;
export type FormResult = Extract<FormHostMessage, { type: 'result' }>;
export type FormValidation = Extract<FormHostMessage, { type: 'validation' }>;
export type FormLookup = Extract<FormHostMessage, { type: 'lookup' }>;
type ViewerShow = Extract<ResponseHostMessage, { type: 'show' }>;

/**
 * In code-server a webview that loads while others do sometimes never gets its content; the extension then
 * replaces the panel (src/webviews/load-watchdog.ts, after 10 s and 35 s), hence the long waits for an app.
 */
export const APP_START_MS = 60_000;

/** waitFor, typed: resolves with the condition's value once it is there. */
export async function until<T>(
  what: string,
  condition: () => T | undefined,
  timeoutMs = 15000,
): Promise<NonNullable<T>> {
  return (await waitFor(what, condition, timeoutMs)) as NonNullable<T>;
}

export function open(api: AltegioTestApi, name: 'request form' | 'response viewer'): PanelRecord[] {
  return api.observer.panels.filter((r) => r.name === name && !r.disposed);
}

/** The open form of an operation whose app has started (it said ready and was sent the form). */
export function formOf(api: AltegioTestApi, operationId: string): PanelRecord | undefined {
  return open(api, 'request form').find((r) => r.last<FormInit>('init')?.model.operationId === operationId);
}

/** Opens the form of an operation and waits until its app has started. */
export async function openForm(
  api: AltegioTestApi,
  op: OperationSpec,
  prefill?: Prefill,
  options?: OpenOptions,
): Promise<PanelRecord> {
  await api.altegio.forms.open(op, prefill, options);
  return until(`the form of ${op.id}`, () => formOf(api, op.id), APP_START_MS);
}

/** The first message of a type the host posted to the panel's app after the first `mark` messages. */
export function postedAfter<M extends { type: string }>(
  record: PanelRecord,
  mark: number,
  type: M['type'],
  where: (m: M) => boolean = () => true,
): M | undefined {
  return record.posted.slice(mark).find((m) => m.type === type && where(m as unknown as M)) as M | undefined;
}

/** Delivers a message as if the form's app had posted it, and waits for the host's answer of a type. */
export async function exchangeWith<M extends { type: string }>(
  record: PanelRecord,
  message: unknown,
  answer: M['type'],
  timeoutMs = 15000,
  where?: (m: M) => boolean,
): Promise<M> {
  const mark = record.posted.length;
  record.deliver(message);
  return until(
    `"${answer}" after ${JSON.stringify(message).slice(0, 60)}`,
    () => postedAfter<M>(record, mark, answer, where),
    timeoutMs,
  );
}

/** A form's values: the path parameters (a location), no query, and the body. */
export function valuesAt(locationId: unknown, body: unknown): FormValues {
  return { path: { location_id: locationId }, query: {}, body };
}

/** Posts an edit as the form's app does and waits for the host's validation of it. */
export function changeForm(record: PanelRecord, seq: number, values: FormValues): Promise<FormValidation> {
  return exchangeWith<FormValidation>(record, { type: 'change', seq, values }, 'validation');
}

/** Presses Send as the form's app does and waits for the host's result. */
export function sendForm(record: PanelRecord, seq: number, values: FormValues): Promise<FormResult> {
  return exchangeWith<FormResult>(record, { type: 'send', seq, values }, 'result');
}

/** Shows an exchange in the viewer and waits until a viewer's app was sent it; resolves with that panel. */
export async function showInViewer(api: AltegioTestApi, exchange: Exchange): Promise<PanelRecord> {
  const marks = new Map(api.observer.panels.map((r) => [r, r.posted.length]));
  await api.altegio.responses.show(exchange);
  return until(
    `the viewer of ${exchange.operation.id}`,
    () => open(api, 'response viewer').find((r) => postedAfter<ViewerShow>(r, marks.get(r) ?? 0, 'show')),
    APP_START_MS,
  );
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const api = await altegio();
  await until(
    'every panel to close',
    () => open(api, 'request form').length === 0 && open(api, 'response viewer').length === 0,
  );
}
