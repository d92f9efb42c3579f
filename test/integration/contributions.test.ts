// What package.json contributes really reaches the workbench: view containers, views and settings.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, configurationProperties, contributes } from './helpers/extension';

describe('Contributed views and settings (real VS Code extension host)', () => {
  before(async () => {
    await activeExtension();
  });

  it('contributes the "Altegio" activity-bar container with its views', () => {
    const containers = contributes().viewsContainers?.activitybar ?? [];
    assert.ok(
      containers.some((c) => c.id === 'altegio'),
      'no activity-bar container with id "altegio"',
    );
    assert.ok((contributes().views?.altegio ?? []).length > 0, 'the "altegio" container has no views');
  });

  it('opens every contributed activity-bar container', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const container of contributes().viewsContainers?.activitybar ?? []) {
      // The workbench registers this command for each view container it has accepted from the manifest.
      const open = `workbench.view.extension.${container.id}`;
      assert.ok(registered.has(open), `container "${container.id}" was not registered (no ${open} command)`);
      await vscode.commands.executeCommand(open);
    }
  });

  it('can focus every contributed view', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const views = Object.values(contributes().views ?? {}).flat();
    assert.ok(views.length > 0, 'package.json contributes no views');
    for (const view of views) {
      // `<view id>.focus` exists only for views the workbench has registered from the manifest.
      const focus = `${view.id}.focus`;
      assert.ok(registered.has(focus), `view "${view.id}" was not registered (no ${focus} command)`);
      await vscode.commands.executeCommand(focus);
    }
  });

  it('gives every contributed setting a value', () => {
    const properties = configurationProperties();
    assert.ok(properties.length > 0, 'package.json contributes no settings');
    const configuration = vscode.workspace.getConfiguration();
    for (const [key, declared] of properties) {
      const inspected = configuration.inspect(key);
      // inspect() has a defaultValue only for settings registered from a manifest (VS Code derives one from the
      // type when none is declared).
      assert.ok(inspected && inspected.defaultValue !== undefined, `setting ${key} is not registered`);
      if ('default' in declared) assert.deepStrictEqual(inspected.defaultValue, declared.default, `default of ${key}`);
      if (declared.enum)
        assert.ok(
          declared.enum.includes(configuration.get(key)),
          `${key} = ${JSON.stringify(configuration.get(key))} is not one of ${JSON.stringify(declared.enum)}`,
        );
    }
  });

  it('defaults to the local sandbox environment', () => {
    assert.strictEqual(vscode.workspace.getConfiguration('altegio').get('environment'), 'sandbox');
  });
});
