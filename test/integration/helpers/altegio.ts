// Reaching into the extension under test through the API it exports in test mode, and a scripted prompter
// that answers confirmations, quick picks and input boxes the way a user would.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Exchange } from '../../../src/services/request-pipeline';
import type { AltegioTestApi } from '../../../src/test-mode';
import type { InputOptions, PickItem, Prompter, SearchPickOptions } from '../../../src/services/prompter';
import { activeExtension } from './extension';

export async function altegio(): Promise<AltegioTestApi> {
  const extension = await activeExtension();
  const api = extension.exports as AltegioTestApi | undefined;
  assert.ok(api?.altegio, 'the extension exports its test API in test mode');
  await api.altegio.auth.whenReady();
  return api;
}

export type PickAnswer = string | RegExp | ((items: PickItem<unknown>[]) => unknown) | undefined;
export type InputAnswer = string | undefined;
/** What the user types into a search pick, and which of the items it then shows they choose. */
export interface SearchAnswer {
  query: string;
  pick: PickAnswer;
}

export interface PromptLog {
  confirms: { message: string; detail: string; button: string }[];
  /** Confirmations of a risky choice (Send Anyway): the default (safe) button and the risky one. */
  risks: { message: string; detail: string; safe: string; risky: string }[];
  picks: { title?: string; labels: string[] }[];
  inputs: InputOptions[];
  /** Each search pick: what was typed and the items it showed, as label · description. */
  searches: { title?: string; query: string; items: string[] }[];
  /** Validation messages the input boxes showed for the scripted answers. */
  validation: (string | undefined)[];
}

/**
 * A prompter that answers from scripts, in order. A pick answer is a label (exact or RegExp) or a function of
 * the items; an input answer runs the box's own validation first, like the real input box does, and an answer
 * it rejects ends as a cancel (its message is kept in `log.validation`).
 */
export function scriptedPrompter(script: {
  confirm?: boolean[];
  /** Answers to confirmations of a risky choice: true chooses the risky button. */
  risk?: boolean[];
  pick?: PickAnswer[];
  input?: InputAnswer[];
  search?: SearchAnswer[];
}): Prompter & { log: PromptLog } {
  const confirms = [...(script.confirm ?? [])];
  const risks = [...(script.risk ?? [])];
  const picks = [...(script.pick ?? [])];
  const inputs = [...(script.input ?? [])];
  const searches = [...(script.search ?? [])];
  const log: PromptLog = { confirms: [], risks: [], picks: [], inputs: [], validation: [], searches: [] };
  const choose = <T>(answer: PickAnswer, items: PickItem<T>[]): T | undefined => {
    if (answer === undefined) return undefined;
    if (typeof answer === 'function') return answer(items as PickItem<unknown>[]) as T;
    const found = items.find((i) =>
      typeof answer === 'string' ? i.label.replace(/^\$\([^)]+\)\s*/, '') === answer : answer.test(i.label),
    );
    if (!found) throw new Error(`no quick pick item ${String(answer)} in: ${items.map((i) => i.label).join(' | ')}`);
    return found.value;
  };
  return {
    log,
    async confirm(message, detail, button) {
      log.confirms.push({ message, detail, button });
      if (confirms.length === 0) throw new Error(`unexpected confirmation: ${message}`);
      return confirms.shift()!;
    },
    async confirmRisk(message, detail, safe, risky) {
      log.risks.push({ message, detail, safe, risky });
      if (risks.length === 0) throw new Error(`unexpected risky confirmation: ${message}`);
      return risks.shift()!;
    },
    async pick<T>(items: PickItem<T>[], options: { title?: string }) {
      log.picks.push({ title: options.title, labels: items.map((i) => i.label) });
      if (picks.length === 0) throw new Error(`unexpected quick pick: ${options.title}`);
      return choose(picks.shift(), items);
    },
    async searchPick<T>(options: SearchPickOptions<T>) {
      if (searches.length === 0) throw new Error(`unexpected search pick: ${options.title}`);
      const { query, pick } = searches.shift()!;
      const items = options.items(query);
      log.searches.push({
        title: options.title,
        query,
        items: items.map((i) => (i.description ? `${i.label} · ${i.description}` : i.label)),
      });
      return choose(pick, items);
    },
    async input(options) {
      log.inputs.push(options);
      if (inputs.length === 0) throw new Error(`unexpected input box: ${options.prompt}`);
      const answer = inputs.shift();
      if (answer === undefined) return undefined;
      const problem = options.validate?.(answer);
      log.validation.push(problem);
      // The real box keeps the dialog open on a validation message; the scripted user then gives up (Escape).
      return problem ? undefined : answer;
    },
  };
}

/** Runs `body` with a scripted prompter in place, then restores the real one. */
export async function withPrompter<T>(api: AltegioTestApi, prompter: Prompter, body: () => Thenable<T>): Promise<T> {
  const restore = api.usePrompter(prompter);
  try {
    return await body();
  } finally {
    restore();
  }
}

/** Starts the in-extension sandbox (idempotent) and waits until the session is signed in to it. */
export async function useSandbox(api: AltegioTestApi): Promise<string> {
  const url = await vscode.commands.executeCommand<string>('altegio.startSandbox');
  await api.altegio.auth.whenReady();
  assert.ok(api.altegio.auth.signedIn, 'signed in to the sandbox');
  return url;
}

/** The sandbox's demo chain and its Manhattan location, from its seed data. */
export const CHAIN_ID = 706028;
export const MANHATTAN = 720441;

/** Signs in to the sandbox and makes its Manhattan location the default, as "Use as Default Location" does. */
export async function useSandboxManhattan(api: AltegioTestApi): Promise<void> {
  await useSandbox(api);
  await api.altegio.locations.select({
    locationId: MANHATTAN,
    locationTitle: 'Manhattan',
    chainId: CHAIN_ID,
    chainTitle: 'Bloom Beauty Group',
  });
}

/** The exchange of a request that must succeed; fails the test with the error otherwise. */
export async function succeeded(exchange: Promise<Exchange>): Promise<Exchange> {
  const done = await exchange;
  if (done.error) throw done.error;
  return done;
}
