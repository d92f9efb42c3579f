// Shared by the integration suites: the extension under test and what its package.json contributes, read at run
// time so that the suites keep checking everything as the contribution lists grow.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'altegio-tools.altegio-vscode';

export interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}
export interface ContributedView {
  id: string;
  name: string;
  type?: string;
}
export interface ContributedViewContainer {
  id: string;
  title: string;
  icon: string;
}
export interface ConfigurationProperty {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
}
export interface ConfigurationSection {
  title?: string;
  properties?: Record<string, ConfigurationProperty>;
}

export interface Contributes {
  commands?: ContributedCommand[];
  views?: Record<string, ContributedView[]>;
  viewsContainers?: Record<string, ContributedViewContainer[]>;
  configuration?: ConfigurationSection | ConfigurationSection[];
}

/** The extension under test, activated. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this extension host`);
  await extension.activate();
  return extension;
}

export function contributes(): Contributes {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this extension host`);
  return (extension.packageJSON as { contributes?: Contributes }).contributes ?? {};
}

/** Every `contributes.configuration` property, whether configuration is one section or an array of sections. */
export function configurationProperties(): Array<[string, ConfigurationProperty]> {
  const configuration = contributes().configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  return sections.flatMap((section) => Object.entries(section.properties ?? {}));
}

/**
 * Polls `condition` until it returns a truthy value. The workbench syncs some state to the extension host
 * asynchronously (tabs, visible views), so an assertion right after a command may otherwise race it.
 */
export async function waitFor<T>(what: string, condition: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Awaits a VS Code API call, failing with its name if it has not settled in `timeoutMs`: code-server can lose
 * track of an editor ("unknown text editor" in $acceptEditorViewColumns) and never settle a show call, and a test
 * must then say which call hung rather than wait for mocha's suite timeout.
 */
export async function settled<T>(what: string, call: Thenable<T>, timeoutMs = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve(call), hung]);
  } finally {
    clearTimeout(timer);
  }
}
