// The notebook renderer runs in VS Code's notebook output webview, whose Content Security Policy is VS Code's, not
// ours: VS Code 1.100 sets none unless `notebook.experimental.enableCsp` is on, and that one allows inline script and
// eval. What keeps an answer (or an output saved in a notebook someone else wrote) from running is the renderer
// itself: it never turns a value into HTML, and it needs no eval. These tests read the renderer as it is bundled.
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');

async function bundle(): Promise<{ code: string; ownModules: string[] }> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'media/notebook-renderer/main.ts')],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    tsconfig: path.join(ROOT, 'media/tsconfig.json'),
    logLevel: 'silent',
  });
  const ownModules = Object.keys(result.metafile.inputs).filter((file) => !file.includes('node_modules'));
  return { code: result.outputFiles[0].text, ownModules };
}

/** Ways a string becomes markup or code in a page. */
const HTML_SINKS = [
  /\.innerHTML\b/,
  /\.outerHTML\b/,
  /insertAdjacentHTML/,
  /document\.write/,
  /\bunsafe(HTML|SVG|Static)\b/,
  /\bsrcdoc\b/,
  /DOMParser/,
  /createContextualFragment/,
];

describe('notebook renderer safety', function () {
  this.timeout(30000);
  let built: { code: string; ownModules: string[] };
  before(async () => {
    built = await bundle();
  });

  it("writes no value as HTML: none of the renderer's own modules has an HTML sink", () => {
    assert.ok(
      built.ownModules.some((m) => m.endsWith('data-table.ts')) &&
        built.ownModules.some((m) => m.endsWith('json-tree.ts')),
      `the renderer reuses the viewer's table and tree (${built.ownModules.join(', ')})`,
    );
    const found: string[] = [];
    for (const module of built.ownModules) {
      const source = fs.readFileSync(path.join(ROOT, module), 'utf8');
      for (const sink of HTML_SINKS) if (sink.test(source)) found.push(`${module}: ${sink.source}`);
    }
    assert.deepStrictEqual(found, []);
  });

  it('needs no eval and makes no script element, so a CSP without unsafe-eval or inline script would not stop it', () => {
    for (const pattern of [
      /\beval\s*\(/,
      /\bFunction\s*\(/,
      /set(Timeout|Interval)\s*\(\s*["'`]/,
      /createElement\(\s*["'`]script/,
    ]) {
      assert.ok(!pattern.test(built.code), `the bundle matches ${pattern.source}`);
    }
  });

  it('recognises an HTML sink in a line that has one', () => {
    // The scan itself: a module that did write HTML would be caught.
    const offending = ['el.innerHTML = value', 'html`${unsafeHTML(value)}`', 'frame.srcdoc = value'];
    for (const line of offending)
      assert.ok(
        HTML_SINKS.some((sink) => sink.test(line)),
        line,
      );
  });
});
