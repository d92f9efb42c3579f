// What the webview scenarios need from the sandbox beside the UI: its demo credentials (read from its loopback-only
// /__sandbox/info, kept in this process only, never written to a settings file) to pick a client and to seed data.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import { pickQuickItem, runCommand } from './helpers';

export interface SandboxDemo {
  baseUrl: string;
  partnerToken: string;
  userToken: string;
}

export const MANHATTAN = 720441;
/** What each app shows once it has drawn what the host sent. */
export const FORM_RENDERED = 'altegio-form-app header';
export const VIEWER_RENDERED = 'altegio-response-app altegio-response-header';
/** How long a webview may take to appear: code-server sometimes needs ~35 s when several load at once. */
export const WEBVIEW_LOAD_TIMEOUT_MS = 60_000;

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, timeout: 30000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url} did not answer in 30 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function sandboxDemo(baseUrl: string): Promise<SandboxDemo> {
  const info = JSON.parse((await request(`${new URL(baseUrl).origin}/__sandbox/info`)).text) as {
    credentials: { partnerToken: string; userToken: string };
  };
  return { baseUrl, partnerToken: info.credentials.partnerToken, userToken: info.credentials.userToken };
}

/** One call to the sandbox's API as the demo user; throws on an error status. */
export async function api(
  demo: SandboxDemo,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ data: unknown; meta: unknown }> {
  const res = await request(`${demo.baseUrl}${path}`, {
    method,
    headers: {
      Accept: 'application/vnd.api.v2+json',
      Authorization: `Bearer ${demo.partnerToken}, User ${demo.userToken}`,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${res.text.slice(0, 300)}`);
  return res.text ? (JSON.parse(res.text) as { data: unknown; meta: unknown }) : { data: undefined, meta: undefined };
}

/** The first client of Manhattan in the Business tree's order (by name), with the phone as digits. */
export async function firstClient(demo: SandboxDemo): Promise<{ id: number; name: string; phone: string }> {
  const { data } = await api(demo, 'POST', `/company/${MANHATTAN}/clients/search`, {
    page: 1,
    page_size: 1,
    order_by: 'name',
    order_by_direction: 'ASC',
  });
  const c = (data as { id: number; name: string; phone: string }[])[0];
  return { id: c.id, name: c.name, phone: c.phone.replace(/\D/g, '') };
}

/** Adds `count` clients to Manhattan through the bulk endpoint, 500 a request (start the sandbox without its rate limit). */
export async function seedClients(demo: SandboxDemo, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_v, i) => {
      const n = start + i;
      return {
        name: `Seeded Client ${String(n).padStart(5, '0')}`,
        phone: `1646${String(5_000_000 + n).padStart(7, '0')}`,
        email: `seeded${n}@example.com`,
      };
    });
    await api(demo, 'POST', `/clients/${MANHATTAN}/bulk`, rows);
  }
}

/**
 * The content of the webview shown in an editor group whose active tab has this title, once `shows` (a CSS
 * selector) is in it. Webviews are drawn in an overlay, not inside their editor group, so the frame is the one
 * covering that group's editor area. The frame is looked up again until it shows that: in code-server a webview
 * that never loads is replaced by a new panel (src/webviews/load-watchdog.ts), whose frame comes elsewhere.
 */
export async function webviewOfTab(page: Page, title: RegExp, shows: string): Promise<FrameLocator> {
  const tab = page
    .locator('.tabs-container .tab.active')
    .filter({ has: page.locator('.label-name', { hasText: title }) })
    .first();
  await tab.waitFor({ state: 'visible', timeout: WEBVIEW_LOAD_TIMEOUT_MS });
  const deadline = Date.now() + WEBVIEW_LOAD_TIMEOUT_MS;
  for (;;) {
    // The ids of the overlay frames that cover those groups' editor areas (a replaced one may linger).
    const candidates = (await (
      await page.waitForFunction(
        (pattern) => {
          const re = new RegExp(pattern);
          // Every such group: a form and its viewer may carry the same title (a request that got no response).
          const areas = [...document.querySelectorAll('.editor-group-container')]
            .filter((g) =>
              [...g.querySelectorAll('.tabs-container .tab.active .label-name')].some((l) =>
                re.test(l.textContent ?? ''),
              ),
            )
            .flatMap((g) => g.querySelector('.editor-container')?.getBoundingClientRect() ?? []);
          const frames = [...document.querySelectorAll<HTMLIFrameElement>('iframe.webview.ready')];
          // The first such group's frames first, as when only one group was looked at.
          const found = areas.flatMap((a) =>
            frames.flatMap((f) => {
              const r = f.getBoundingClientRect();
              const x = r.left + r.width / 2;
              const y = r.top + r.height / 2;
              return r.width > 0 && x >= a.left && x <= a.right && y >= a.top && y <= a.bottom ? [f.name] : [];
            }),
          );
          return found.length > 0 ? found : undefined;
        },
        title.source,
        { timeout: Math.max(1000, deadline - Date.now()) },
      )
    ).jsonValue()) as string[];
    for (const name of candidates) {
      // By the webview's own id (VS Code names each frame after it), not its position: when the load watchdog
      // replaces another panel, that panel's new frame is added to the overlay and the positions shift.
      const content = page
        .locator(`iframe.webview.ready[name="${name}"]`)
        .contentFrame()
        .locator('iframe#active-frame')
        .contentFrame();
      if (
        await content
          .locator(shows)
          .first()
          .waitFor({ state: 'attached', timeout: 2000 })
          .then(
            () => true,
            () => false,
          )
      )
        return content;
    }
    if (Date.now() > deadline)
      throw new Error(
        `the webview of the tab ${title} did not show ${shows} within ${WEBVIEW_LOAD_TIMEOUT_MS / 1000} s`,
      );
  }
}

/** Merges settings into the profile's user settings.json; the running workbench picks the change up. */
export function updateUserSettings(wb: { server: { userDataDir: string } }, settings: Record<string, unknown>): void {
  const file = path.join(wb.server.userDataDir, 'User', 'settings.json');
  const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
}

/** The four kinds of theme VS Code has, with the class each puts on the workbench and on a webview's body. */
export const THEMES = [
  { name: 'light', theme: 'Light Modern', workbench: 'vs', webview: 'vscode-light' },
  { name: 'dark', theme: 'Dark Modern', workbench: 'vs-dark', webview: 'vscode-dark' },
  { name: 'high-contrast', theme: 'Dark High Contrast', workbench: 'hc-black', webview: 'vscode-high-contrast' },
  {
    name: 'high-contrast-light',
    theme: 'Light High Contrast',
    workbench: 'hc-light',
    webview: 'vscode-high-contrast-light',
  },
] as const;

/** Switches the color theme from the palette (Preferences: Color Theme) and waits until these webviews show it. */
export async function useTheme(page: Page, theme: (typeof THEMES)[number], frames: FrameLocator[]): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(theme.theme);
  await pickQuickItem(page, new RegExp(`^${theme.theme}$`));
  await page.locator(`.monaco-workbench.${theme.workbench}`).waitFor({ state: 'attached' });
  for (const frame of frames) await frame.locator(`body.${theme.webview}`).waitFor({ state: 'attached' });
}
