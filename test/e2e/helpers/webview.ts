// Content of webviews (our request forms and response viewer, webview views in the side bar). A webview is two
// nested iframes: the workbench's `iframe.webview.ready` host frame, and inside it `iframe#active-frame` with the
// extension's HTML. Hidden webviews stay in the DOM, so the one we want is the visible one.
//
//   const form = await webviewContent(page, { editorTitle: 'POST /loyalty/cards/{location_id}' });
//   await form.locator('#phone').fill('+70000000000');     // Playwright pierces open shadow roots (vscode-elements)
//   await form.getByRole('button', { name: 'Send' }).click();
//   await form.getByText('201 Created').waitFor();
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { waitForActiveEditor } from './views';
import type { TextMatch } from './text';

export interface WebviewQuery {
  /** Wait for the editor tab with this title to be active first (webview panels). */
  editorTitle?: TextMatch;
  /** Look only inside this part of the window (e.g. view(page, 'Details') for a webview view). */
  within?: Locator;
}

/**
 * Returns the content frame of the visible webview once its document has loaded (its <body> is attached).
 * With several webviews visible side by side, pass `within` to choose.
 */
export async function webviewContent(page: Page, query: WebviewQuery = {}): Promise<FrameLocator> {
  if (query.editorTitle !== undefined) await waitForActiveEditor(page, query.editorTitle);
  const host = (query.within ?? page.locator('body')).locator('iframe.webview.ready').filter({ visible: true }).first();
  await host.waitFor({ state: 'visible' });
  const content = host.contentFrame().locator('iframe#active-frame').contentFrame();
  await content.locator('body').waitFor({ state: 'attached' });
  return content;
}

/** Waits until the visible webview shows this text somewhere; returns the element. */
export async function waitForWebviewText(page: Page, text: TextMatch, query: WebviewQuery = {}): Promise<Locator> {
  const content = await webviewContent(page, query);
  const element = content.getByText(text).first();
  await element.waitFor({ state: 'visible' });
  return element;
}
