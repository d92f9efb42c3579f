// The extension loads and activates in a real VS Code, and every command it contributes is really registered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildCatalogIndex, documentHash } from '../../src/api/catalog-index-builder';
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

  it('loads only its entry to activate; the extension proper (dist/main.js) loads with the first command run', async () => {
    const extension = await activeExtension();
    const dist = path.join(extension.extensionPath, 'dist');
    assert.ok(require.cache[path.join(dist, 'extension.js')], 'the check looks at the right module cache');
    assert.strictEqual(require.cache[path.join(dist, 'main.js')], undefined, 'main.js was loaded to activate');
    await vscode.commands.executeCommand('altegio.showLog');
    assert.ok(require.cache[path.join(dist, 'main.js')], 'running a command loaded main.js');
  });

  it('does not parse the OpenAPI document to activate (the catalog is built on first use)', async () => {
    const extension = await activeExtension();
    const api = extension.exports as AltegioTestApi;
    assert.strictEqual(api.catalogLoaded(), false);
    api.altegio.catalog();
    assert.strictEqual(api.catalogLoaded(), true);
  });

  it('loads none of its lazy bundles to activate: Ajv, the forms, the viewer, the sandbox, the tools, notebooks', async () => {
    const extension = await activeExtension();
    const dist = path.join(extension.extensionPath, 'dist');
    const bundles = ['validation.js', 'forms.js', 'responses.js', 'sandbox-server.js', 'tools.js', 'notebooks.js'];
    for (const bundle of bundles) {
      assert.ok(fs.existsSync(path.join(dist, bundle)), `${bundle} was built`);
      assert.strictEqual(require.cache[path.join(dist, bundle)], undefined, `${bundle} was loaded to activate`);
    }
    assert.ok(require.cache[path.join(dist, 'extension.js')], 'the check looks at the right module cache');
  });

  it('ships a catalog index built from the OpenAPI document in the source tree (a stale index fails here)', async () => {
    const extension = await activeExtension();
    const shippedDir = path.join(extension.extensionPath, 'dist', 'openapi');
    const shipped = JSON.parse(fs.readFileSync(path.join(shippedDir, 'catalog-index.json'), 'utf8')) as unknown;
    assert.deepStrictEqual(
      shipped,
      buildCatalogIndex(fs.readFileSync(path.join(shippedDir, 'altegio-b2b-v1.json'), 'utf8')),
    );
    const source = fs.readFileSync(
      path.join(extension.extensionPath, 'src', 'api', 'openapi', 'altegio-b2b-v1.json'),
      'utf8',
    );
    assert.strictEqual((shipped as { documentSha256: string }).documentSha256, documentHash(JSON.parse(source)));
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
