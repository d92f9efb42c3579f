// The product in Russian, end to end: VS Code's display language is Russian (code-server --locale ru with a stub
// language pack, so `vscode.env.language` is 'ru'), and a user walks the sidebar signed out and signed in, the API
// tree and its tooltips, Run Operation… in Russian, a form, a 422 from the sandbox, a network error once the
// sandbox is stopped, the History tooltip and the walkthrough. At every step the text the extension shows is read
// from the window and its webviews and the run fails on any English phrase of the extension's catalogue, English
// unit, error class name or sentence in Latin letters (identifiers, paths, URLs and API values aside), and on a
// button pushed out of view by a long Russian label. Screenshots: test-results/e2e/russian-ui/.
import * as assert from 'assert';
import * as http from 'http';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import {
  clearAllNotifications,
  clickWelcomeButton,
  dependentSteps,
  englishPhrases,
  expandTreeRow,
  inPage,
  findEnglish,
  openViewContainer,
  openWorkbench,
  quickPickItemWithDescription,
  runCommand,
  runTreeRowContextMenu,
  typeInQuickInput,
  view,
  visibleText,
  waitForNotification,
  waitForQuickInput,
  waitForTreeRow,
  waitForViews,
  welcomeContent,
  API_DATA_SELECTORS,
  type Workbench,
} from './helpers';
import {
  api,
  MANHATTAN,
  sandboxDemo,
  webviewOfTab,
  FORM_RENDERED,
  VIEWER_RENDERED,
  type SandboxDemo,
} from './webview-support';

const VIEWS = ['API', 'Бизнес', 'История'];
/**
 * VS Code's own words, which the stub language pack leaves English (a real pack translates them): the quick
 * input's aria-label and the accessibility hint VS Code puts in front of a walkthrough step's aria-label.
 */
const VSCODE_OWN = ['Type to narrow down results.', 'Inspect this in the accessible view (Shift+Alt+F2).'];
const FORM_TAB = /^POST Выдать карту лояльности/;
/** A phone no client of the sandbox has: issuing a card to it is refused with 422. */
const STRANGER_PHONE = 79990001122;

describe('The product in Russian', function () {
  dependentSteps(this); // each step builds on the previous ones
  let wb: Workbench;
  let demo: SandboxDemo;
  let form: FrameLocator;
  const phrases = englishPhrases();
  /** Names from the API and Altegio's own messages: they stay as the API sends them. */
  const apiValues: string[] = [];

  /** Fails with every English text the extension shows in these places. */
  async function assertRussian(where: string, texts: string[]): Promise<void> {
    assert.ok(texts.length > 0, `nothing was read from ${where}`);
    const problems = findEnglish(texts, phrases, [...apiValues, ...VSCODE_OWN]);
    assert.deepStrictEqual(
      problems.map((p) => `${p.why}: ${p.text}`),
      [],
      `${where} shows English (${texts.length} texts read)`,
    );
  }

  const sidebarText = () => visibleText(wb.page.locator('#workbench\\.parts\\.sidebar .split-view-view'));
  const toastText = () => visibleText(wb.page.locator('.notifications-toasts .notification-list-item'));
  const statusText = () =>
    visibleText(
      wb.page
        .locator('#workbench\\.parts\\.statusbar .statusbar-item')
        .filter({ has: wb.page.locator('[aria-label^="Altegio:"]') }),
    );
  const webviewText = (frame: FrameLocator) => visibleText(frame.locator('body'), API_DATA_SELECTORS);

  before(async () => {
    wb = await openWorkbench('russian-ui', {
      locale: 'ru',
      // A sandbox URL where nothing listens: the extension starts signed out; the welcome view starts one.
      settings: { 'altegio.environment': 'sandbox', 'altegio.sandbox.url': 'http://127.0.0.1:9/api/v1' },
      viewport: { width: 1500, height: 950 },
    });
  });

  after(async () => {
    await wb?.close();
  });

  it('shows the sidebar signed out in Russian, with every welcome button in view and the environments named in full', async () => {
    await wb.step('signed-out', async () => {
      await openViewContainer(wb.page, 'Altegio');
      await waitForViews(wb.page, VIEWS);
      const welcome = welcomeContent(wb.page, 'Бизнес');
      for (const label of ['Войти с токенами', 'Войти по логину и паролю', 'Попробовать локальную песочницу'])
        await assertInView(
          welcome.locator('.monaco-button', { hasText: label }),
          view(wb.page, 'Бизнес').locator('.pane-body'),
        );
      await assertRussian('the signed-out sidebar', [...(await sidebarText()), ...(await statusText())]);
    });
    await wb.step('environment-picker', async () => {
      await runCommand(wb.page, 'Altegio: Выбрать окружение');
      await waitForQuickInput(wb.page);
      const production = wb.page.locator('.quick-input-widget .monaco-list-row', {
        hasText: 'Рабочее окружение (production)',
      });
      await production.getByText('Реальные данные').waitFor();
      const { checked, cut } = await production.evaluate(
        inPage<(root: Element) => { checked: number; cut: string[] }>(CUT_OFF_TEXT),
      );
      assert.ok(checked > 0, 'the picker draws its texts with an ellipsis where they do not fit');
      assert.deepStrictEqual(cut, [], 'the production item is cut off');
      await assertRussian('the environment picker', await visibleText(wb.page.locator('.quick-input-widget')));
      await wb.page.keyboard.press('Escape');
    });
  });

  it('finds an operation by Russian words and opens its form in Russian, not ready to send while signed out', async () => {
    await wb.step('palette-russian-words', async () => {
      await runCommand(wb.page, 'Altegio: Выполнить операцию…');
      await typeInQuickInput(wb.page, 'выдать карту');
      await waitForQuickInput(wb.page);
      const first = wb.page.locator('.quick-input-widget .monaco-list-row').first();
      await first.filter({ hasText: 'Выдать карту лояльности' }).waitFor();
      await assertRussian('Run Operation…', await visibleText(wb.page.locator('.quick-input-widget')));
    });
    await wb.step('form-signed-out', async () => {
      await quickPickItemWithDescription(wb.page, 'POST', 'Выдать карту лояльности').first().click();
      form = await webviewOfTab(wb.page, FORM_TAB, FORM_RENDERED);
      // The empty form counts its problems in Russian plural forms; once filled, it says why Send is disabled.
      await form.getByText(/Перед отправкой исправьте \d+ ошибк(у|и|ок)/).waitFor();
      await form.locator('.sendbar vscode-button', { hasText: 'Заполнить примерами' }).click();
      await form.getByText('Войдите, чтобы отправить').waitFor();
      assert.strictEqual(await form.getByText('Готово к отправке').count(), 0, 'not "ready" while Send is disabled');
      await form.getByText('Телефон клиента, только цифры', { exact: false }).waitFor();
      await assertRussian('the request form', await webviewText(form));
    });
  });

  it('starts the sandbox from the welcome view and shows the Business tree in Russian', async () => {
    await wb.step('signed-in', async () => {
      await clickWelcomeButton(wb.page, 'Бизнес', 'Попробовать локальную песочницу');
      const toast = await waitForNotification(wb.page, /Локальная песочница работает по адресу/);
      const url = /http:\/\/127\.0\.0\.1:\d+\/api\/v1/.exec(await toast.innerText())?.[0];
      assert.ok(url, 'the notification names the sandbox URL');
      demo = await sandboxDemo(url);
      await waitForTreeRow(wb.page, 'Бизнес', /Bloom Beauty Group/);
      await runTreeRowContextMenu(wb.page, 'Бизнес', /Bloom Beauty - Manhattan/, 'Сделать филиалом по умолчанию');
      // When the tree is redrawn while its menu is open, VS Code runs the command without the row and it asks with
      // the location picker instead: the user picks the same location there.
      const status = wb.page.locator('#workbench\\.parts\\.statusbar').getByText(/Bloom Beauty - Manhattan/);
      const picker = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Bloom Beauty - Manhattan' });
      const settle = (l: Locator) =>
        l
          .first()
          .waitFor()
          .catch(() => undefined); // the loser times out later
      await Promise.race([settle(status), settle(picker)]);
      if (!(await status.first().isVisible())) await picker.first().click();
      await status.first().waitFor();
      await expandTreeRow(wb.page, 'Бизнес', /Bloom Beauty - Manhattan/);
      await waitForTreeRow(wb.page, 'Бизнес', /^Клиенты/);
      await assertRussian('the signed-in sidebar', [
        ...(await sidebarText()),
        ...(await toastText()),
        ...(await statusText()),
      ]);
    });
  });

  it('names the API sections and operations in Russian, tooltips included', async () => {
    await wb.step('api-tree', async () => {
      await expandTreeRow(wb.page, 'API', /^Клиенты/);
      const row = await waitForTreeRow(wb.page, 'API', /^POST Добавить клиента/);
      await row.hover();
      const hover = wb.page.locator('.monaco-hover').filter({ visible: true }).first();
      await hover.getByText('Добавить клиента').waitFor();
      await assertRussian('the API tree and its tooltip', [...(await sidebarText()), ...(await visibleText(hover))]);
      await wb.page.mouse.move(1, 1);
    });
  });

  it('explains a 422 in Russian in the form and the response viewer, with toolbars that fit half the width', async () => {
    await wb.step('form-422', async () => {
      await clearAllNotifications(wb.page);
      await wb.page.locator('.tabs-container .tab', { hasText: FORM_TAB }).first().click();
      form = await webviewOfTab(wb.page, FORM_TAB, FORM_RENDERED);
      const types = (await api(demo, 'GET', '/chain/706028/loyalty/card_types')).data as {
        id: number;
        title: string;
      }[];
      const body = {
        loyalty_card_number: `RU-${Date.now() % 1_000_000}`,
        loyalty_card_type_id: String(types[0].id),
        phone: STRANGER_PHONE,
      };
      const refused = await answer(demo, 'POST', `/loyalty/cards/${MANHATTAN}`, body);
      assert.strictEqual(refused.status, 422, 'the sandbox refuses a card for a phone no client has');
      apiValues.push(...apiStrings(refused.json), ...types.map((t) => t.title));
      await form.getByRole('tab', { name: 'JSON' }).click();
      await form.locator('altegio-json-editor textarea').first().fill(JSON.stringify(body));
      await form.getByText('Готово к отправке').waitFor();
      await form.locator('.sendbar vscode-button').first().click();
      await form.locator('altegio-result-card h2', { hasText: /422 Unprocessable/ }).waitFor();
      await form.getByRole('tab', { name: 'Поля' }).click();
      // A screen reader hears the dropdown's open button in Russian, not the element library's English label.
      const openButton = form
        .locator('altegio-lookup-input altegio-options-select')
        .first()
        .locator('.combobox-button');
      await openButton.waitFor({ state: 'attached' });
      assert.strictEqual(await openButton.getAttribute('aria-label'), 'Открыть список вариантов');
      // An ID the list does not have is offered in Russian too (the element library's own row says `Add "…"`).
      const typed = form.locator('altegio-lookup-input altegio-options-select').first().locator('input.combobox-input');
      await typed.fill('999');
      await form.locator('altegio-options-select li.placeholder', { hasText: 'Использовать «999»' }).waitFor();
      await typed.fill('');
      await typed.press('Escape');
      await assertRussian('the form after a 422', await webviewText(form));
    });
    await wb.step('viewer-422', async () => {
      const viewer = await webviewOfTab(wb.page, /Выдать карту лояльности.* 422$/, VIEWER_RENDERED);
      await viewer.locator('altegio-error-panel', { hasText: 'Что делать' }).waitFor();
      await viewer.getByText(/Время: \d+\s(мс|с)/).waitFor();
      await viewer.getByText(/Размер: [\d,]+\s(Б|КБ)/).waitFor();
      await assertRussian('the response viewer after a 422', await webviewText(viewer));
      await assertFits(viewer, '.toolbar vscode-button, altegio-response-header vscode-button, vscode-tab-header');
      await assertFits(form, '.sendbar vscode-button');
    });
  });

  it('shows the History entry with a Russian tooltip: date, duration, environment name', async () => {
    await wb.step('history-tooltip', async () => {
      const row = await waitForTreeRow(wb.page, 'История', /POST \/loyalty\/cards/);
      assert.match(await row.innerText(), /422 · \d+\sмс · \d{1,2}:\d\d:\d\d/);
      await row.hover();
      const hover = wb.page.locator('.monaco-hover').filter({ visible: true }).first();
      // The tooltip is Markdown whose text VS Code writes with non-breaking spaces: \s matches both.
      await hover.getByText(/Окружение:\sЛокальная\sпесочница/).waitFor();
      const tooltip = await visibleText(hover);
      assert.ok(
        tooltip.some((t) => /Время:\s\d{1,2}\s[а-я]{3}\.?\s\d{4}\sг\.,\s\d{1,2}:\d\d:\d\d/.test(t)),
        tooltip.join(' | '),
      );
      assert.ok(
        tooltip.some((t) => /Выдать\sкарту\sлояльности/.test(t)),
        'the tooltip names the operation',
      );
      await assertRussian('the History tree and its tooltip', [...(await sidebarText()), ...tooltip]);
      await wb.page.mouse.move(1, 1);
    });
  });

  it('reports a network error in Russian once the sandbox is stopped', async () => {
    await wb.step('network-error', async () => {
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Altegio: Остановить локальную песочницу');
      await waitForNotification(wb.page, 'Локальная песочница остановлена.');
      await clearAllNotifications(wb.page);
      await runCommand(wb.page, 'Altegio: Повторить последний запрос');
      await waitForNotification(wb.page, /не удалось отправить — соединение отклонено \(ECONNREFUSED\)/);
      await runCommand(wb.page, 'Altegio: Обновить данные бизнеса');
      await waitForTreeRow(wb.page, 'Бизнес', /^Ошибка загрузки: GET \/groups/);
      await assertRussian('the network error', [...(await toastText()), ...(await sidebarText())]);
    });
    await wb.step('network-error-in-form', async () => {
      await clearAllNotifications(wb.page);
      await wb.page.locator('.tabs-container .tab', { hasText: FORM_TAB }).first().click();
      form = await webviewOfTab(wb.page, FORM_TAB, FORM_RENDERED);
      await form.locator('.sendbar vscode-button').first().click();
      await form.locator('altegio-result-card', { hasText: /соединение отклонено/ }).waitFor();
      await assertRussian('the form after a network error', await webviewText(form));
      const viewer = await webviewOfTab(wb.page, /Выдать карту лояльности/, VIEWER_RENDERED);
      await viewer.locator('altegio-error-panel', { hasText: 'Что делать' }).waitFor();
      await assertRussian('the response viewer after a network error', await webviewText(viewer));
    });
  });

  it('shows the walkthrough in Russian, naming commands by their Russian titles, buttons inside their cards', async () => {
    await wb.step('walkthrough', async () => {
      await runCommand(wb.page, 'Welcome: Open Walkthrough...');
      await typeInQuickInput(wb.page, 'Начало работы с Altegio');
      await waitForQuickInput(wb.page);
      await wb.page
        .locator('.quick-input-widget .monaco-list-row', { hasText: 'Начало работы с Altegio' })
        .first()
        .click();
      const page = wb.page.locator('.gettingStartedContainer');
      await page.getByText('Войдите или запустите песочницу').first().waitFor();
      const media = await walkthroughMedia(wb.page);
      await media.getByText('Altegio: Запустить локальную песочницу').waitFor();
      const step = page.locator('.getting-started-step.expanded');
      for (const button of await step.locator('.monaco-button').all()) await assertInView(button, step);
      await assertRussian('the walkthrough', [
        ...(await visibleText(page.locator('.gettingStartedSlideDetails .getting-started-category'))),
        ...(await visibleText(step)),
        ...(await visibleText(media.locator('body'))),
      ]);
    });
    await wb.step('walkthrough-narrow', async () => {
      await wb.page.setViewportSize({ width: 1000, height: 800 });
      const step = wb.page.locator('.gettingStartedContainer .getting-started-step.expanded');
      for (const button of await step.locator('.monaco-button').all()) await assertInView(button, step);
    });
  });
});

/** Fails when the element is not wholly inside the container's visible box (cut off, pushed out, hidden behind). */
async function assertInView(element: Locator, container: Locator): Promise<void> {
  await element.waitFor({ state: 'visible' });
  const [e, c] = [await element.boundingBox(), await container.boundingBox()];
  assert.ok(e && c, 'both are drawn');
  const label = (await element.innerText()).trim();
  assert.ok(
    e.x >= c.x - 1 && e.y >= c.y - 1 && e.x + e.width <= c.x + c.width + 1 && e.y + e.height <= c.y + c.height + 1,
    `"${label}" (${fmtBox(e)}) is not inside its container (${fmtBox(c)})`,
  );
}

/** Fails when any of these elements of a webview reaches past its right edge. */
async function assertFits(frame: FrameLocator, selector: string): Promise<void> {
  const outside = await frame
    .locator('body')
    .evaluate(inPage<(body: Element, sel: string) => string[]>(OUTSIDE_RIGHT_EDGE), selector);
  assert.deepStrictEqual(outside, [], 'buttons reach past the edge of the webview');
}

/** Runs on an element: the texts inside it that VS Code cuts off with an ellipsis (wider than their box). */
const CUT_OFF_TEXT = `(root) => {
  const cut = [];
  let checked = 0;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (getComputedStyle(el).textOverflow !== 'ellipsis' || !el.textContent.trim()) continue;
    checked++;
    if (el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent.trim());
  }
  return { checked, cut };
}`;

/** Runs in a webview (a string: see COLLECT_VISIBLE_TEXT in helpers/visible-text.ts). */
const OUTSIDE_RIGHT_EDGE = `(body, sel) => {
  const width = document.documentElement.clientWidth;
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll(sel)) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1)
        found.push((el.textContent ?? '').trim() + ' (right ' + Math.round(r.right) + ' > ' + width + ')');
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(body);
  return found;
}`;

function fmtBox(b: { x: number; y: number; width: number; height: number }): string {
  return `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
}

/** The walkthrough step's Markdown page, which VS Code draws in a webview beside the steps. */
async function walkthroughMedia(page: Page): Promise<FrameLocator> {
  const host = page.locator('.gettingStartedContainer .getting-started-media iframe.webview.ready').first();
  await host.waitFor({ state: 'attached' });
  const content = host.contentFrame().locator('iframe#active-frame').contentFrame();
  await content.locator('body').waitFor({ state: 'attached' });
  return content;
}

/** One request to the sandbox as the demo user, whatever the status. */
function answer(
  demo: SandboxDemo,
  method: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${demo.baseUrl}${path}`,
      {
        method,
        headers: {
          Accept: 'application/vnd.api.v2+json',
          'Content-Type': 'application/json',
          Authorization: `Bearer ${demo.partnerToken}, User ${demo.userToken}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Every string in an answer (Altegio's messages, names): API values the UI shows as they are. */
function apiStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(apiStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(apiStrings);
  return [];
}
