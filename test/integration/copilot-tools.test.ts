// The Copilot tools through VS Code's own `vscode.lm.invokeTool`, against the local sandbox: find → describe →
// business context → a read → a write (confirmed, or declined with nothing sent) → refusals (read-only
// production, writes only in the sandbox, invalid input, credentials) → the tools turned off. No result, no
// confirmation and no modal carries a token, a password or an Authorization header.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_PARTNER_TOKEN, DEMO_PASSWORD, DEMO_USER_TOKEN, OWNER_USER } from '../../src/sandbox/credentials';
import type { AltegioTestApi, ToolPreparation } from '../../src/test-mode';
import { TOOL_NAMES, type ToolName } from '../../src/tools/tool-names';
import { altegio, scriptedPrompter, useSandbox, withPrompter } from './helpers/altegio';
import { waitFor } from './helpers/extension';

const LOCATION = 720441;
const CHAIN = 706028;
const CARD_TYPE = '8230';
const PHONE = 13155550179;

/** Every text a tool produced in this suite, checked for secrets at the end. */
const seen: [string, string][] = [];

function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : JSON.stringify(part)))
    .join('\n');
}

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  const text = textOf(result);
  seen.push([`${name} ${JSON.stringify(input)}`, text]);
  return text;
}

/**
 * A call the way VS Code makes it in a chat: prepareInvocation, then — once the user allowed the confirmation it
 * returned — invoke with the chat's invocation token. A chat session needs a language model, which the tested
 * build lacks (vscode.lm.invokeTool refuses a token of an unknown session), so the test plays VS Code's part
 * against the implementation the extension registered. `prepared: false` is a call VS Code did not prepare
 * (or whose preparation failed).
 */
async function invokeInChat(api: AltegioTestApi, name: ToolName, input: object, prepared = true): Promise<string> {
  const cancel = new vscode.CancellationTokenSource();
  try {
    if (prepared) await api.altegio.tools.prepare(name, { input }, cancel.token);
    const chatToken = { sessionId: 'copilot-tools-test' } as never;
    const result = await api.altegio.tools.invoke(name, { input, toolInvocationToken: chatToken }, cancel.token);
    const text = textOf(result);
    seen.push([`${name} in a chat ${JSON.stringify(input)}`, text]);
    return text;
  } finally {
    cancel.dispose();
  }
}

/** The last preparation VS Code asked of a tool (prepareInvocation is called by invokeTool itself). */
function lastPreparation(api: AltegioTestApi, name: string): ToolPreparation {
  const found = [...api.observer.toolPreparations].reverse().find((p) => p.name === name);
  assert.ok(found, `VS Code called prepareInvocation of ${name}`);
  return found;
}

/** A confirmation's text as the user reads it: Markdown's escapes and non-breaking spaces undone. */
function markdownText(message: string | vscode.MarkdownString | undefined): string {
  const value = typeof message === 'string' ? message : (message?.value ?? '');
  return value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1');
}

function sandboxCount(api: AltegioTestApi, operationId: string): number {
  return api.altegio.sandbox.running?.stats().operations[operationId] ?? 0;
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('altegio').update(key, value, vscode.ConfigurationTarget.Global);
  await (await altegio()).altegio.auth.whenReady();
}

describe('Copilot tools through vscode.lm (real extension host, local sandbox)', () => {
  let api: AltegioTestApi;

  before(async () => {
    api = await altegio();
    await useSandbox(api);
  });

  it('are registered with VS Code and listed in vscode.lm.tools with their input schemas', async () => {
    const listed = await waitFor('the four tools in vscode.lm.tools', () => {
      const ours = vscode.lm.tools.filter((t) => (TOOL_NAMES as readonly string[]).includes(t.name));
      return ours.length === TOOL_NAMES.length ? ours : undefined;
    });
    assert.ok(listed);
    for (const tool of listed) {
      assert.ok(tool.description.length > 80, `${tool.name} has a description written for a model`);
      assert.ok(tool.tags.includes('altegio'), `${tool.name} is tagged`);
      assert.strictEqual((tool.inputSchema as { type?: string }).type, 'object', `${tool.name} declares its input`);
    }
    const call = listed.find((t) => t.name === 'altegio_call')!;
    assert.deepStrictEqual((call.inputSchema as { required?: string[] }).required, ['operationId']);
  });

  it('finds, describes and reads: the operation, its parameters, the business and a first page of data', async () => {
    const found = await invoke('altegio_find_operations', { query: 'issue loyalty card' });
    assert.match(found, /issue_loyalty_card/);
    assert.match(found, /"method":"POST"/);
    assert.ok(
      lastPreparation(api, 'altegio_find_operations').prepared?.invocationMessage,
      'VS Code asked the tool what to show while it runs',
    );

    const described = await invoke('altegio_describe_operation', { operationId: 'issue_loyalty_card' });
    assert.match(described, /POST \/loyalty\/cards\/\{location_id\}/);
    assert.match(described, /asks the user to confirm/);
    assert.match(described, /"loyalty_card_type_id"/);
    assert.match(described, /"required":\["loyalty_card_number","loyalty_card_type_id","phone"\]/);

    const unknown = await invoke('altegio_describe_operation', { operationId: 'issue_loyalty_cards' });
    assert.match(unknown, /There is no operation "issue_loyalty_cards"\. Did you mean: .*issue_loyalty_card/);

    const context = await invoke('altegio_business_context', {});
    assert.match(context, new RegExp(`"id":${LOCATION}`));
    assert.match(context, new RegExp(`"id":${CHAIN}`));
    assert.match(context, /Bloom Beauty - Manhattan/);
    assert.match(context, /"signedIn":true/);

    const historyBefore = api.altegio.history.entries().length;
    const read = await withPrompter(api, scriptedPrompter({}), () =>
      invoke('altegio_call', { operationId: 'get_client_list', pathParams: { location_id: String(LOCATION) } }),
    );
    assert.match(read, /answered 200/);
    assert.match(read, /The data is a list of \d+ rows/);
    assert.match(read, /Only the first \d+ rows are shown below/);
    assert.match(read, /command:altegio\.copilot\.openResult/);
    assert.strictEqual(
      lastPreparation(api, 'altegio_call').prepared?.confirmationMessages,
      undefined,
      'a read asks for no confirmation',
    );
    const [entry] = api.altegio.history.entries();
    assert.strictEqual(api.altegio.history.entries().length, historyBefore + 1, 'the read is in the history');
    assert.strictEqual(entry.operationId, 'get_client_list');
    assert.ok(read.includes(entry.id), 'the answer names its history entry');
    assert.ok(read.length < 9000, `the answer is trimmed (${read.length} characters)`);
  });

  it('asks before a write and, when the user declines, sends nothing', async () => {
    const input = {
      operationId: 'issue_loyalty_card',
      pathParams: { location_id: LOCATION },
      body: { loyalty_card_number: `CP${Date.now()}`, loyalty_card_type_id: CARD_TYPE, phone: PHONE },
    };
    const historyBefore = api.altegio.history.entries().length;
    const sentBefore = sandboxCount(api, 'issue_loyalty_card');
    const decline = scriptedPrompter({ confirm: [false] });
    const declined = await withPrompter(api, decline, () => invoke('altegio_call', input));

    // VS Code asked the tool for its confirmation (prepareInvocation): operation, location, environment and body.
    const asked = lastPreparation(api, 'altegio_call').prepared?.confirmationMessages;
    assert.ok(asked, 'a write returns confirmation messages');
    assert.match(asked.title, /POST/);
    assert.doesNotMatch(asked.title, /Destructive/);
    const message = markdownText(asked.message);
    for (const part of ['issue_loyalty_card', '/loyalty/cards/720441', 'Bloom Beauty - Manhattan', 'Local sandbox'])
      assert.ok(message.includes(part), `the confirmation names ${part}: ${message}`);
    assert.ok(message.includes(input.body.loyalty_card_number), 'the confirmation shows the body');
    // No chat token: our own modal asked, with the same facts.
    assert.strictEqual(decline.log.confirms.length, 1, 'our modal asked once');
    assert.match(decline.log.confirms[0].detail, /Bloom Beauty - Manhattan \(#720441\)/);
    assert.match(decline.log.confirms[0].detail, /Local sandbox/);
    assert.ok(decline.log.confirms[0].detail.includes(input.body.loyalty_card_number));

    assert.match(declined, /declined/);
    assert.strictEqual(sandboxCount(api, 'issue_loyalty_card'), sentBefore, 'nothing reached the sandbox');
    assert.strictEqual(api.altegio.history.entries().length, historyBefore, 'nothing was recorded');

    const accept = scriptedPrompter({ confirm: [true] });
    const issued = await withPrompter(api, accept, () => invoke('altegio_call', input));
    assert.strictEqual(accept.log.confirms.length, 1);
    assert.match(issued, /answered 200/);
    assert.ok(issued.includes(input.body.loyalty_card_number), 'the issued card is in the answer');
    assert.strictEqual(sandboxCount(api, 'issue_loyalty_card'), sentBefore + 1, 'sent exactly once');
    assert.strictEqual(api.altegio.history.entries()[0].operationId, 'issue_loyalty_card');

    // A destructive operation says so in the title, and a cancel keeps the card.
    const card = JSON.parse(issued.split('\n').slice(1).join('\n')) as { data: { id: number } };
    const remove = { operationId: 'remove_loyalty_card', pathParams: { location_id: LOCATION, card_id: card.data.id } };
    const keep = scriptedPrompter({ confirm: [false] });
    const kept = await withPrompter(api, keep, () => invoke('altegio_call', remove));
    assert.match(lastPreparation(api, 'altegio_call').prepared!.confirmationMessages!.title, /Destructive/);
    assert.match(keep.log.confirms[0].message, /Destructive/);
    assert.strictEqual(keep.log.confirms[0].button, 'Delete');
    assert.match(kept, /declined/);
    assert.strictEqual(sandboxCount(api, 'remove_loyalty_card'), 0, 'no removal reached the sandbox');
  });

  it('in a chat, sends a write the chat confirmed without asking again, and asks itself for anything else', async () => {
    const input = {
      operationId: 'issue_loyalty_card',
      pathParams: { location_id: LOCATION },
      body: { loyalty_card_number: `CH${Date.now()}`, loyalty_card_type_id: CARD_TYPE, phone: PHONE },
    };
    const sentBefore = sandboxCount(api, 'issue_loyalty_card');

    // The chat showed this very request and the user allowed it: sent once, no second question.
    const none = scriptedPrompter({});
    const issued = await withPrompter(api, none, () => invokeInChat(api, 'altegio_call', input));
    assert.match(issued, /answered 200/);
    assert.strictEqual(none.log.confirms.length, 0, 'the chat confirmation was enough');
    assert.strictEqual(sandboxCount(api, 'issue_loyalty_card'), sentBefore + 1);

    // The same input again, but no confirmation was prepared for it: our modal asks, and a "no" sends nothing.
    const again = scriptedPrompter({ confirm: [false] });
    const unprepared = await withPrompter(api, again, () => invokeInChat(api, 'altegio_call', input, false));
    assert.strictEqual(again.log.confirms.length, 1, 'a write the chat did not show is asked about');
    assert.match(again.log.confirms[0].detail, /Local sandbox/);
    assert.match(unprepared, /declined/);
    assert.strictEqual(sandboxCount(api, 'issue_loyalty_card'), sentBefore + 1, 'nothing more was sent');

    // A destructive operation is asked about by our modal even after the chat's confirmation: VS Code lets the
    // user allow a tool once for all its calls.
    const card = JSON.parse(issued.split('\n').slice(1).join('\n')) as { data: { id: number } };
    const remove = { operationId: 'remove_loyalty_card', pathParams: { location_id: LOCATION, card_id: card.data.id } };
    const removedBefore = sandboxCount(api, 'remove_loyalty_card');
    const keep = scriptedPrompter({ confirm: [false] });
    const kept = await withPrompter(api, keep, () => invokeInChat(api, 'altegio_call', remove));
    assert.match(lastPreparation(api, 'altegio_call').prepared!.confirmationMessages!.title, /Destructive/);
    assert.strictEqual(keep.log.confirms.length, 1, 'our modal asked after the chat');
    assert.match(keep.log.confirms[0].message, /Destructive/);
    assert.match(kept, /declined/);
    assert.strictEqual(sandboxCount(api, 'remove_loyalty_card'), removedBefore, 'the card was kept');
  });

  it('answers a rate-limited write and a failing read with text, and never repeats the write', async () => {
    const sandbox = api.altegio.sandbox.running!;
    const input = {
      operationId: 'issue_loyalty_card',
      pathParams: { location_id: LOCATION },
      body: { loyalty_card_number: `RL${Date.now()}`, loyalty_card_type_id: CARD_TYPE, phone: PHONE },
    };
    const writesBefore = sandboxCount(api, 'issue_loyalty_card');
    const readsBefore = sandboxCount(api, 'get_client_list');
    try {
      sandbox.setFaults([
        { match: { operationId: 'issue_loyalty_card' }, status: 429, retryAfter: 1 },
        { match: { operationId: 'get_client_list' }, status: 500 },
      ]);
      const limited = await withPrompter(api, scriptedPrompter({ confirm: [true] }), () =>
        invoke('altegio_call', input),
      );
      assert.match(limited, /failed with status 429/);
      assert.match(limited, /Wait and retry/);
      assert.strictEqual(sandboxCount(api, 'issue_loyalty_card'), writesBefore + 1, 'the write was sent once');

      const failed = await invoke('altegio_call', {
        operationId: 'get_client_list',
        pathParams: { location_id: LOCATION },
      });
      assert.match(failed, /failed with status 500/);
      assert.ok(sandboxCount(api, 'get_client_list') > readsBefore, 'the read reached the sandbox');
    } finally {
      sandbox.setFaults(undefined);
    }
  });

  it("removes the session's tokens even from text the model itself sent", async () => {
    const { partnerToken, userToken } = api.altegio.auth.credentials();
    assert.ok(partnerToken && userToken, 'signed in to the sandbox');
    const text = await invoke('altegio_describe_operation', { operationId: `${partnerToken} ${userToken}` });
    assert.match(text, /There is no operation/);
    assert.ok(!text.includes(partnerToken) && !text.includes(userToken), text);
  });

  it('opens the full answer of a call in the response viewer', async () => {
    const [entry] = api.altegio.history.entries();
    const panels = api.observer.panels.length;
    await vscode.commands.executeCommand('altegio.copilot.openResult', entry.id);
    const viewer = await waitFor('the response viewer', () =>
      api.observer.panels.slice(panels).find((p) => p.name === 'response viewer'),
    );
    assert.ok(viewer);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('returns validation problems as text the model can fix, and sends nothing', async () => {
    const sentBefore = sandboxCount(api, 'issue_loyalty_card');
    const prompter = scriptedPrompter({});
    const text = await withPrompter(api, prompter, () =>
      invoke('altegio_call', {
        operationId: 'issue_loyalty_card',
        pathParams: { location_id: 'main', salon: 1 },
        body: { loyalty_card_type_id: CARD_TYPE, phone: 'not a phone' },
      }),
    );
    assert.match(text, /Nothing was sent: the input does not fit POST \/loyalty\/cards\/\{location_id\}/);
    assert.match(text, /pathParams\.location_id: location_id must be an integer/);
    assert.match(text, /salon is not a path parameter of issue_loyalty_card; it has: location_id/);
    assert.match(text, /body\.loyalty_card_number: loyalty_card_number is required/);
    assert.match(text, /body\.phone/);
    assert.strictEqual(
      lastPreparation(api, 'altegio_call').prepared?.confirmationMessages,
      undefined,
      'nobody is asked to confirm an invalid request',
    );
    assert.strictEqual(prompter.log.confirms.length, 0);
    assert.strictEqual(sandboxCount(api, 'issue_loyalty_card'), sentBefore);
  });

  it('refuses operations that take a password, so no credential passes through a model', async () => {
    const before = sandboxCount(api, 'authorize_user');
    const text = await invoke('altegio_call', {
      operationId: 'authorize_user',
      body: { login: OWNER_USER.login, password: OWNER_USER.password },
    });
    assert.match(text, /never handle credentials/);
    assert.strictEqual(sandboxCount(api, 'authorize_user'), before);
  });

  it('refuses a write in read-only production with a message the model can relay, asking nobody', async () => {
    const { history } = api.altegio;
    const before = history.entries().length;
    const input = {
      operationId: 'issue_loyalty_card',
      pathParams: { location_id: LOCATION },
      body: { loyalty_card_number: 'CP-PROD', loyalty_card_type_id: CARD_TYPE, phone: PHONE },
    };
    const prompter = scriptedPrompter({});
    try {
      await setting('environment', 'production');
      assert.strictEqual(api.altegio.auth.environment.readOnly, true);
      // By default the tools write to the sandbox only: that refusal comes first.
      const sandboxOnly = await withPrompter(api, prompter, () => invoke('altegio_call', input));
      assert.match(sandboxOnly, /allowed only in the local sandbox/);
      assert.match(sandboxOnly, /Production/);

      await setting('copilot.writesOnlyInSandbox', false);
      const readOnly = await withPrompter(api, prompter, () => invoke('altegio_call', input));
      assert.match(readOnly, /production is read-only/);
      assert.match(readOnly, /altegio\.productionReadOnly/);
      assert.strictEqual(lastPreparation(api, 'altegio_call').prepared?.confirmationMessages, undefined);

      const context = await invoke('altegio_business_context', {});
      assert.match(context, /"productionReadOnly":true/);
      assert.strictEqual(prompter.log.confirms.length, 0, 'nobody was asked');
      assert.strictEqual(history.entries().length, before, 'nothing was sent');
    } finally {
      await setting('copilot.writesOnlyInSandbox', undefined);
      await setting('environment', undefined);
      await useSandbox(api);
    }
  });

  it('answer nothing and leave vscode.lm.tools when turned off', async () => {
    try {
      await setting('copilot.enabled', false);
      await waitFor(
        'the tools to leave vscode.lm.tools',
        () => !vscode.lm.tools.some((t) => t.name === 'altegio_call'),
      );
      const text = await invoke('altegio_business_context', {});
      assert.match(text, /turned off/);
      assert.doesNotMatch(text, /Bloom Beauty/);
    } finally {
      await setting('copilot.enabled', undefined);
    }
    await waitFor('the tools to come back', () => vscode.lm.tools.some((t) => t.name === 'altegio_call'));
  });

  it('never puts a token, a password or an Authorization header in a result, a confirmation or a modal', () => {
    const secrets = [DEMO_PARTNER_TOKEN, DEMO_USER_TOKEN, DEMO_PASSWORD, OWNER_USER.password, OWNER_USER.userToken];
    const texts: [string, string][] = [...seen];
    for (const p of api.observer.toolPreparations) {
      texts.push([`prepared ${p.name}`, markdownText(p.prepared?.invocationMessage)]);
      texts.push([`confirmation title ${p.name}`, p.prepared?.confirmationMessages?.title ?? '']);
      texts.push([`confirmation ${p.name}`, markdownText(p.prepared?.confirmationMessages?.message)]);
    }
    for (const name of TOOL_NAMES)
      assert.ok(
        seen.some(([what]) => what.startsWith(name)),
        `${name} was invoked in this suite`,
      );
    for (const [where, text] of texts) {
      for (const secret of secrets) assert.ok(!text.includes(secret), `${where} contains a secret`);
      assert.doesNotMatch(text, /authorization|bearer /i, `${where} mentions an Authorization header`);
    }
  });
});
