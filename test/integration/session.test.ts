// Signing in and out against the local sandbox, in a real extension host: tokens go to SecretStorage only,
// login and password go through POST /auth, and sign-out deletes the secrets.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_PARTNER_TOKEN, DEMO_USER_TOKEN } from '../../src/sandbox/credentials';
import { altegio, scriptedPrompter, useSandbox, withPrompter } from './helpers/altegio';

const OWNER = { login: 'j.smith@example.com', password: 'testpass', name: 'James Smith' };

describe('Sign in and sign out (real extension host, local sandbox)', () => {
  it('starting the sandbox switches to it and signs in with its demo account', async () => {
    const api = await altegio();
    await useSandbox(api);
    await vscode.commands.executeCommand('altegio.signOut');
    const url = await useSandbox(api);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    assert.strictEqual(api.altegio.auth.environment.id, 'sandbox');
    assert.strictEqual(api.altegio.auth.environment.baseUrl, url);
    assert.strictEqual(api.altegio.auth.profile?.method, 'sandbox');
  });

  it('sign out deletes the secrets and shows the signed-out state', async () => {
    const api = await altegio();
    await useSandbox(api);
    const key = `altegio.tokens.${api.altegio.auth.environment.secretKey}`;
    assert.ok(await api.context.secrets.get(key), 'a secret exists before sign-out');
    await vscode.commands.executeCommand('altegio.signOut');
    assert.strictEqual(await api.context.secrets.get(key), undefined);
    assert.strictEqual(api.altegio.auth.signedIn, false);
    assert.strictEqual(api.altegio.auth.profile, undefined);
  });

  it('signs in with a partner and a user token after checking them', async () => {
    const api = await altegio();
    await useSandbox(api);
    await vscode.commands.executeCommand('altegio.signOut');
    const prompter = scriptedPrompter({
      pick: ['Partner token and user token'],
      input: [DEMO_PARTNER_TOKEN, DEMO_USER_TOKEN],
    });
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.signIn'));
    assert.strictEqual(api.altegio.auth.signedIn, true);
    assert.strictEqual(api.altegio.auth.hasUserToken, true);
    assert.strictEqual(api.altegio.auth.profile?.method, 'tokens');
    assert.ok(
      prompter.log.inputs.every((i) => i.password),
      'token boxes hide what is typed',
    );
  });

  it('refuses a token that Altegio rejects, and stores nothing', async () => {
    const api = await altegio();
    await useSandbox(api);
    await vscode.commands.executeCommand('altegio.signOut');
    const prompter = scriptedPrompter({
      pick: ['Partner token and user token'],
      input: ['wrongPartnerToken0000000000', ''],
    });
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.signIn'));
    assert.strictEqual(api.altegio.auth.signedIn, false);
    const key = `altegio.tokens.${api.altegio.auth.environment.secretKey}`;
    assert.strictEqual(await api.context.secrets.get(key), undefined);
  });

  it('signs in with login and password through POST /auth and never stores the password', async () => {
    const api = await altegio();
    await useSandbox(api);
    await vscode.commands.executeCommand('altegio.signOut');
    const prompter = scriptedPrompter({
      pick: ['Partner token, then login and password'],
      input: [DEMO_PARTNER_TOKEN, OWNER.login, OWNER.password],
    });
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.signIn'));
    assert.strictEqual(api.altegio.auth.signedIn, true);
    assert.strictEqual(api.altegio.auth.hasUserToken, true);
    assert.strictEqual(api.altegio.auth.profile?.userName, OWNER.name);
    assert.strictEqual(api.altegio.auth.profile?.method, 'password');
    const secret = await api.context.secrets.get(`altegio.tokens.${api.altegio.auth.environment.secretKey}`);
    assert.ok(secret && !secret.includes(OWNER.password), 'the secret holds tokens, not the password');
    for (const key of api.context.globalState.keys()) {
      assert.ok(
        !JSON.stringify(api.context.globalState.get(key)).includes(OWNER.password),
        `globalState ${key} holds no password`,
      );
    }
  });

  it('validates what is typed before sending anything', async () => {
    const api = await altegio();
    await useSandbox(api);
    await vscode.commands.executeCommand('altegio.signOut');
    const prompter = scriptedPrompter({ pick: ['Partner token and user token'], input: ['Bearer abc'] });
    await withPrompter(api, prompter, () => vscode.commands.executeCommand('altegio.signIn'));
    assert.match(prompter.log.validation[0] ?? '', /without "Bearer"/);
    assert.strictEqual(api.altegio.auth.signedIn, false);
    await useSandbox(api);
  });
});
