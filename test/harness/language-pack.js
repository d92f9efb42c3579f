// A display language for a test VS Code without a real language pack: builds a stub pack that declares the language
// (and translates nothing of VS Code itself) and registers it the way VS Code's language pack service would.
// With it, `--locale ru` makes `vscode.env.language` 'ru', so the extension reads package.nls.ru.json, its
// l10n/bundle.l10n.ru.json and the walkthrough's *.nls.ru.md; VS Code's own menus stay in English.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { REPO_ROOT } = require('./install-vscode');

const STUB = path.join(__dirname, 'language-pack-stub');
const ID = 'altegio-tools-test.language-pack-stub';

/** Packs the stub for `language` into `<outDir>/language-pack-<language>.vsix` and returns its path. */
function buildLanguagePack(language, outDir) {
  const work = path.join(outDir, `language-pack-${language}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.cpSync(STUB, work, { recursive: true });
  const manifestFile = path.join(work, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const names = new Intl.DisplayNames([language], { type: 'language' });
  manifest.contributes.localizations = [
    {
      languageId: language,
      languageName: new Intl.DisplayNames(['en'], { type: 'language' }).of(language),
      localizedLanguageName: names.of(language),
      translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
    },
  ];
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  const vsix = path.join(outDir, `language-pack-${language}.vsix`);
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', vsix], {
    cwd: work,
    encoding: 'utf8',
    timeout: 60000,
  });
  if (r.status !== 0) throw new Error(`packing the ${language} language pack stub failed:\n${r.stdout}${r.stderr}`);
  return vsix;
}

/**
 * Writes `<userDataDir>/languagepacks.json` for the stub installed in `extensionsDir`: what VS Code's language pack
 * service writes after an install in the UI. code-server's `--install-extension` does not run that service, and
 * without the file `--locale` falls back to English.
 */
function registerLanguagePack(language, userDataDir, extensionsDir) {
  const installed = fs.readdirSync(extensionsDir).find((d) => d.toLowerCase().startsWith(`${ID}-`));
  if (!installed) throw new Error(`the ${language} language pack stub is not installed in ${extensionsDir}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionsDir, installed, 'package.json'), 'utf8'));
  const packs = {
    [language]: {
      hash: `stub-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id: ID }, version: manifest.version }],
      translations: { vscode: path.join(extensionsDir, installed, 'translations', 'main.i18n.json') },
      label: manifest.contributes.localizations[0].localizedLanguageName,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

module.exports = { buildLanguagePack, registerLanguagePack };
