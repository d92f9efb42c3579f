// The extension loads and activates in a real VS Code, and every command it contributes is really registered.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AltegioTestApi } from '../../src/test-mode';
import { activeExtension, contributes, EXTENSION_ID } from './helpers/extension';

describe('Extension activation (real VS Code extension host)', () => {
  it('activates without error', async () => {
    const extension = await activeExtension();
    console.log(
      `    VS Code ${vscode.version}, ${vscode.env.appName}, ui kind ${vscode.env.uiKind}, remote ${vscode.env.remoteName ?? 'none'}`,
    );
    assert.strictEqual(extension.isActive, true);
    assert.strictEqual(extension.id, EXTENSION_ID);
  });

  it('does not parse the OpenAPI document to activate (the catalog is built on first use)', async () => {
    const extension = await activeExtension();
    const api = extension.exports as AltegioTestApi;
    assert.strictEqual(api.catalogLoaded(), false);
    api.altegio.catalog();
    assert.strictEqual(api.catalogLoaded(), true);
  });

  it('registers every command its package.json contributes', async () => {
    await activeExtension();
    const declared = (contributes().commands ?? []).map((c) => c.command);
    assert.ok(declared.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, [], `contributed but not registered on activation: ${missing.join(', ')}`);
  });

  it('runs "Altegio: Show Log" without error', async () => {
    await activeExtension();
    await vscode.commands.executeCommand('altegio.showLog');
  });
});
