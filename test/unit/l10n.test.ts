// The Russian translation is complete: every manifest string and every string the code passes to
// vscode.l10n.t has a Russian entry, with the same {0} placeholders.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PLURAL_FORMS_COMMENT } from '../../src/protocol/plural';
import { pluralFormsProblem } from './helpers/plural-forms';

const root = path.resolve(__dirname, '..', '..');
const readJson = (file: string): Record<string, string | { message: string }> =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const PLURAL_SUFFIX = `/${PLURAL_FORMS_COMMENT}`;
const text = (v: string | { message: string }) => (typeof v === 'string' ? v : v.message);
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

describe('localisation', () => {
  it('translates every package.nls.json key into Russian, keeping command links and placeholders', () => {
    const en = readJson('package.nls.json');
    const ru = readJson('package.nls.ru.json');
    const missing = Object.keys(en).filter((k) => !(k in ru));
    assert.deepStrictEqual(missing, []);
    for (const [key, value] of Object.entries(en)) {
      assert.deepStrictEqual(placeholders(text(ru[key])), placeholders(text(value)), key);
      const links = (s: string) => (s.match(/\(command:[^)]+\)|\(https?:[^)]+\)/g) ?? []).sort();
      assert.deepStrictEqual(links(text(ru[key])), links(text(value)), `${key} keeps its links`);
    }
  });

  it('never words a write as «запись», which a salon reads as an appointment', () => {
    const en = readJson('package.nls.json');
    const ru = readJson('package.nls.ru.json');
    const pairs: [string, string][] = [
      ...Object.entries(readJson('l10n/bundle.l10n.ru.json')).map(([english, russian]): [string, string] => [
        english,
        text(russian),
      ]),
      ...Object.keys(en).map((key): [string, string] => [text(en[key]), text(ru[key])]),
    ];
    const aboutWrites = pairs.filter(([english]) => /\bwrites?\b/i.test(english));
    assert.ok(aboutWrites.length >= 5, `${aboutWrites.length} strings speak of writes`);
    const wrong = aboutWrites.filter(([, russian]) => /запис[иья]\b|записью|записей|записывает/i.test(russian));
    assert.deepStrictEqual(wrong, [], 'a write is «изменение данных»');
  });

  it('has a Russian page for every walkthrough step, naming commands and views by their titles in each language', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: {
        commands: { command: string; title: string }[];
        walkthroughs: { steps: { media: { markdown?: string } }[] }[];
        views: Record<string, { name: string }[]>;
      };
    };
    const pages = manifest.contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => s.media.markdown ?? []));
    assert.ok(pages.length > 0);
    for (const [language, nls] of [
      ['en', readJson('package.nls.json')],
      ['ru', readJson('package.nls.ru.json')],
    ] as const) {
      const title = (t: string) => {
        const key = /^%(.+)%$/.exec(t)?.[1];
        return key ? text(nls[key]) : t;
      };
      const commands = new Set(manifest.contributes.commands.map((c) => title(c.title)));
      const views = new Set(Object.values(manifest.contributes.views).flatMap((v) => v.map((x) => title(x.name))));
      for (const page of pages) {
        // VS Code shows `<name>.nls.<language>.md` for a page when the display language has one.
        const file = language === 'en' ? page : page.replace(/\.md$/, `.nls.${language}.md`);
        assert.ok(fs.existsSync(path.join(root, file)), `${file} is missing`);
        for (const [, bold] of fs.readFileSync(path.join(root, file), 'utf8').matchAll(/\*\*([^*]+)\*\*/g)) {
          if (bold.endsWith(':')) continue; // a lead-in ("With an Altegio account:")
          const named = bold.replace(/^Altegio: /, '');
          assert.ok(commands.has(named) || views.has(named), `${file}: "${bold}" is not a command or a view`);
        }
      }
    }
  });

  it('calls vscode.l10n.t by name everywhere, so that the string extractor sees every string', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && /=\s*(vscode\.)?l10n\.t\s*[;,)]/.test(fs.readFileSync(file, 'utf8')))
          offenders.push(path.relative(root, file));
      }
    };
    walk(path.join(root, 'src'));
    assert.deepStrictEqual(
      offenders,
      [],
      'an alias such as `const t = vscode.l10n.t` hides strings from @vscode/l10n-dev export',
    );
  });

  it('translates every vscode.l10n.t string of the extension into Russian, each plural message in all its forms', function () {
    this.timeout(60000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'altegio-l10n-'));
    try {
      execFileSync(
        process.execPath,
        [
          path.join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js'),
          'export',
          '--outDir',
          out,
          path.join(root, 'src'),
        ],
        { stdio: 'pipe' },
      );
      const en = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<
        string,
        string | { message: string }
      >;
      const ru = readJson('l10n/bundle.l10n.ru.json');
      assert.ok(Object.keys(en).length > 100, `${Object.keys(en).length} strings extracted`);
      const missing = Object.keys(en).filter((k) => !(k in ru));
      assert.deepStrictEqual(missing, [], `${missing.length} strings lack a Russian translation`);
      for (const key of Object.keys(en)) {
        if (!key.endsWith(PLURAL_SUFFIX)) {
          assert.deepStrictEqual(placeholders(text(ru[key])), placeholders(key), key);
          continue;
        }
        // A plural message: each Russian form keeps the placeholders of the English "other" form.
        const english = placeholders(key.slice(0, -PLURAL_SUFFIX.length).split('|').at(-1) ?? '');
        for (const form of text(ru[key]).split('|')) assert.deepStrictEqual(placeholders(form), english, key);
      }
      // Every message with forms separated by "|" is a plural message, which gives the two English forms and
      // carries the comment that tells translators the rule (written out at each call, as the extractor needs).
      const plurals = Object.keys(en).filter((k) => k.includes('|'));
      assert.ok(plurals.length >= 13, `${plurals.length} plural messages`);
      for (const key of plurals) {
        assert.ok(key.endsWith(PLURAL_SUFFIX), `${key} carries PLURAL_FORMS_COMMENT`);
        assert.strictEqual(pluralFormsProblem(key.slice(0, -PLURAL_SUFFIX.length), 'en'), undefined, key);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
