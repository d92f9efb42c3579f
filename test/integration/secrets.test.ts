// After a scripted session (sign in with tokens and with a password, requests, exports), the tokens and the
// password appear nowhere but SecretStorage: not in settings, globalState, history, stored responses, the log,
// or any exported text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_PARTNER_TOKEN, DEMO_USER_TOKEN, OWNER_USER } from '../../src/sandbox/credentials';
import { KeyringUnavailableError, TokenStore } from '../../src/services/token-store';
import { altegio, scriptedPrompter, succeeded, useSandbox, withPrompter } from './helpers/altegio';

describe('Tokens stay in SecretStorage (real extension host, local sandbox)', () => {
  it('leaves no token or password in settings, globalState, history, the log or exports', async () => {
    const api = await altegio();
    await useSandbox(api);
    const { auth, pipeline, history } = api.altegio;
    const secrets = [DEMO_PARTNER_TOKEN, DEMO_USER_TOKEN, OWNER_USER.password, OWNER_USER.userToken];

    await vscode.commands.executeCommand('altegio.signOut');
    await withPrompter(
      api,
      scriptedPrompter({
        pick: ['Partner token, then login and password'],
        input: [DEMO_PARTNER_TOKEN, OWNER_USER.login, OWNER_USER.password],
      }),
      () => vscode.commands.executeCommand('altegio.signIn'),
    );
    assert.ok(auth.signedIn);
    await succeeded(
      pipeline.execute(
        {
          operation: api.altegio.catalog().requireOperation('authorize_user'),
          body: { login: OWNER_USER.login, password: OWNER_USER.password },
        },
        { source: 'form' },
      ),
    );
    await succeeded(
      pipeline.execute(
        {
          operation: api.altegio.catalog().requireOperation('get_client'),
          pathParams: { location_id: 720441, client_id: 4240788 },
        },
        { source: 'form' },
      ),
    );
    await vscode.commands.executeCommand('altegio.signOut');
    await withPrompter(
      api,
      scriptedPrompter({ pick: ['Partner token and user token'], input: [DEMO_PARTNER_TOKEN, DEMO_USER_TOKEN] }),
      () => vscode.commands.executeCommand('altegio.signIn'),
    );
    await succeeded(
      pipeline.execute({ operation: api.altegio.catalog().requireOperation('get_chain_list') }, { source: 'palette' }),
    );

    const texts: [string, string][] = [];
    await vscode.commands.executeCommand('altegio.copyAsCurl');
    texts.push(['cURL export', await vscode.env.clipboard.readText()]);
    await vscode.commands.executeCommand('altegio.exportAsHttp');
    texts.push(['.http export', vscode.window.activeTextEditor?.document.getText() ?? '']);
    texts.push(['settings', JSON.stringify(vscode.workspace.getConfiguration('altegio'))]);
    const inspect = vscode.workspace.getConfiguration().inspect('altegio');
    texts.push(['settings (inspect)', JSON.stringify(inspect ?? {})]);
    for (const key of api.context.globalState.keys())
      texts.push([`globalState ${key}`, JSON.stringify(api.context.globalState.get(key))]);
    for (const key of api.context.workspaceState.keys())
      texts.push([`workspaceState ${key}`, JSON.stringify(api.context.workspaceState.get(key))]);
    for (const entry of history.entries()) {
      texts.push([`history ${entry.id}`, JSON.stringify(entry)]);
      texts.push([`stored response ${entry.id}`, JSON.stringify((await history.response(entry.id)) ?? null)]);
    }
    texts.push(['log', api.observer.logLines.join('\n')]);

    assert.ok(texts.find(([n]) => n === 'cURL export')![1].includes('curl'), 'the cURL export was made');
    assert.ok(texts.find(([n]) => n === '.http export')![1].includes('GET'), 'the .http export was made');
    assert.ok(
      history.entries().some((e) => e.operationId === 'authorize_user'),
      'the sign-in request is in the history',
    );
    assert.ok(api.observer.logLines.length > 3, 'the log has lines');
    for (const [where, text] of texts) {
      for (const secret of secrets)
        assert.ok(!text.includes(secret), `${where} contains a secret (${secret.slice(0, 3)}…)`);
    }
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

describe('An unavailable keyring', () => {
  it('is a clear error, and nothing is written anywhere else', async () => {
    const state = new Map<string, unknown>();
    const memento = {
      keys: () => [...state.keys()],
      get: (k: string) => state.get(k),
      update: async (k: string, v: unknown) => {
        state.set(k, v);
      },
    } as unknown as vscode.Memento;
    const brokenKeyring = {
      onDidChange: new vscode.EventEmitter<vscode.SecretStorageChangeEvent>().event,
      get: async () => undefined,
      store: async () => {
        throw new Error('Cannot create an item in a locked collection');
      },
      delete: async () => undefined,
    } as unknown as vscode.SecretStorage;
    const store = new TokenStore(brokenKeyring, memento);
    await assert.rejects(
      store.set('sandbox', { partnerToken: 'p-secret-value', userToken: 'u-secret-value' }, { method: 'tokens' }),
      (e: Error) =>
        e instanceof KeyringUnavailableError && /keyring/.test(e.message) && !e.message.includes('secret-value'),
    );
    assert.deepStrictEqual([...state.keys()], [], 'no profile or token fell back to globalState');
    store.dispose();
  });
});
