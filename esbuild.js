// Builds everything that runs: the extension host bundle (Node, CommonJS, `vscode` external) and the bundles it loads
// lazily, the standalone sandbox CLI, the webview apps under media/ (browser), the bundled OpenAPI document with its
// compact catalog index, and the codicon font. Each build's metafile goes to dist/meta/ (what went into which bundle).
//   node esbuild.js               development build (source maps, not minified)
//   node esbuild.js --production  minified (the .vsix ships it without the source maps)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also bundle test/integration for the extension host
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = process.argv.includes('--tests');
const root = __dirname;
const dist = path.join(root, 'dist');

const exists = (p) => fs.existsSync(path.join(root, p));

/** Reports errors the way VS Code's esbuild problem matcher expects. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      if (watch) console.log('[watch] build finished');
    });
  },
};

/**
 * Modules the extension `require`s only when first needed, each built into a bundle of its own beside
 * dist/main.js, so that activation and the first use load none of their code (Ajv and its formats; the in-editor sandbox; the
 * request forms' and the response viewer's hosts; the language model tools). What they share with the extension is
 * stateless, or recognised across copies by a brand.
 */
const LAZY_BUNDLES = [
  { in: 'src/api/validation.ts', out: 'validation' },
  { in: 'src/sandbox/index.ts', out: 'sandbox-server' },
  { in: 'src/webviews/form/form-launcher.ts', out: 'forms' },
  { in: 'src/webviews/response/response-viewer.ts', out: 'responses' },
  { in: 'src/tools/tool-host.ts', out: 'tools' },
  { in: 'src/notebooks/runtime.ts', out: 'notebooks' },
];

/**
 * What VS Code loads to activate is dist/extension.js, built from src/entry/: stand-ins for every contributed
 * command, tree view and panel serializer. The extension proper (src/extension.ts and all it builds) is dist/main.js,
 * which the stand-ins load on first use; its `vscode` is src/entry/handover.ts, which hands its registrations of
 * those commands, views and serializers to the stand-ins.
 */
const ENTRY = { in: 'src/entry/index.ts', out: 'extension' };
const MAIN = { in: 'src/entry/main.ts', out: 'main' };

/**
 * A `require()` of a lazy module becomes a require of its own bundle at run time. In the extension bundle a static
 * import of one would pull its code back into extension.js, so there it is an error; the lazy bundles themselves
 * (and the sandbox CLI) may import one statically, and then carry a copy of it.
 */
const lazyBundles = (staticImportIsError) => ({
  name: 'lazy-bundles',
  setup(build) {
    const lazy = new Map([...LAZY_BUNDLES, MAIN].map((b) => [path.join(root, b.in), b.out]));
    build.onResolve({ filter: /^\./ }, (args) => {
      if (!args.importer.startsWith(path.join(root, 'src'))) return undefined;
      const base = path.resolve(args.resolveDir, args.path);
      const out = lazy.get(`${base}.ts`) ?? lazy.get(path.join(base, 'index.ts')) ?? lazy.get(base);
      if (!out) return undefined;
      if (args.kind === 'require-call') return { path: `./${out}.js`, external: true };
      if (!staticImportIsError) return undefined;
      return {
        errors: [
          { text: `${args.path} is a lazily loaded bundle (${out}.js): require() it where it is first needed instead` },
        ],
      };
    });
  },
});

/** Resolves the extension proper's `vscode` to the hand-over module, and that module's own to VS Code's. */
const vscodeHandOver = {
  name: 'vscode-hand-over',
  setup(build) {
    const handover = path.join(root, 'src/entry/handover.ts');
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.importer === handover ? { path: 'vscode', external: true } : { path: handover },
    );
  },
};

/** Writes the build's metafile to dist/meta/<name>.json (not shipped; `npm run bench` reads it). */
function metafileTo(name) {
  return {
    name: 'metafile',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile) return;
        fs.mkdirSync(path.join(dist, 'meta'), { recursive: true });
        fs.writeFileSync(path.join(dist, 'meta', `${name}.json`), JSON.stringify(result.metafile));
      });
    },
  };
}

function nodeBuild(entryPoints, outdir, extra = {}) {
  return {
    entryPoints,
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: true,
    sourcesContent: false,
    external: ['vscode'],
    // jsonc-parser's UMD build loads its parts with a require esbuild cannot follow; its ES module build bundles.
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    logLevel: 'warning',
    ...extra,
    plugins: [problemMatcher, ...(extra.plugins ?? [])],
  };
}

function webviewBuild() {
  const entries = fs.existsSync(path.join(root, 'media'))
    ? fs
        .readdirSync(path.join(root, 'media'), { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(root, 'media', d.name, 'main.ts')))
        .map((d) => ({ in: `media/${d.name}/main.ts`, out: d.name }))
    : [];
  if (entries.length === 0) return undefined;
  return {
    entryPoints: entries,
    outdir: path.join(dist, 'media'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: production,
    sourcemap: true,
    sourcesContent: false,
    tsconfig: path.join(root, 'media', 'tsconfig.json'),
    logLevel: 'warning',
    plugins: [problemMatcher],
  };
}

/** Loads a TypeScript module of ours in this process: bundled in memory by esbuild, then compiled like a .js file. */
function requireTypeScript(file) {
  const out = esbuild.buildSync({
    entryPoints: [path.join(root, file)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const Module = require('module');
  const m = new Module(path.join(root, file));
  m.paths = Module._nodeModulePaths(root);
  m._compile(out.outputFiles[0].text, path.join(root, file));
  return m.exports;
}

function copyAssets() {
  // The OpenAPI document is read lazily from disk on first use (src/api/catalog.ts), not parsed at activation. The
  // tree, the palette and the filter read the compact index built from it here (src/api/catalog-index.ts).
  fs.mkdirSync(path.join(dist, 'openapi'), { recursive: true });
  const text = fs.readFileSync(path.join(root, 'src/api/openapi/altegio-b2b-v1.json'), 'utf8');
  fs.writeFileSync(path.join(dist, 'openapi/altegio-b2b-v1.json'), JSON.stringify(JSON.parse(text)));
  const { buildCatalogIndex } = requireTypeScript('src/api/catalog-index-builder.ts');
  fs.writeFileSync(path.join(dist, 'openapi/catalog-index.json'), JSON.stringify(buildCatalogIndex(text)));
  // Its Russian catalogue (src/api/catalog-l10n.ts), read the same way when the display language is Russian.
  const russian = JSON.parse(fs.readFileSync(path.join(root, 'src/api/openapi/altegio-b2b-v1.l10n.ru.json'), 'utf8'));
  fs.writeFileSync(path.join(dist, 'openapi/altegio-b2b-v1.l10n.ru.json'), JSON.stringify(russian));
  const codicons = path.join(root, 'node_modules/@vscode/codicons/dist');
  if (fs.existsSync(codicons)) {
    fs.mkdirSync(path.join(dist, 'media/codicons'), { recursive: true });
    for (const f of ['codicon.css', 'codicon.ttf'])
      fs.copyFileSync(path.join(codicons, f), path.join(dist, 'media/codicons', f));
  }
  if (exists('media/styles')) {
    fs.mkdirSync(path.join(dist, 'media'), { recursive: true });
    for (const f of fs.readdirSync(path.join(root, 'media/styles'))) {
      fs.copyFileSync(path.join(root, 'media/styles', f), path.join(dist, 'media', f));
    }
  }
}

function integrationTestBuild() {
  const dir = path.join(root, 'test/integration');
  if (!fs.existsSync(dir)) return undefined;
  const entries = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) entries.push(path.relative(root, p));
    }
  };
  walk(dir);
  // Each suite file is its own bundle so that mocha can load them one by one; `mocha` stays external.
  return nodeBuild(entries, path.join(dist, 'test/integration'), {
    external: ['vscode', 'mocha'],
    outbase: dir,
    minify: false,
  });
}

async function main() {
  const configs = [];
  configs.push(
    nodeBuild([ENTRY], dist, { metafile: true, plugins: [lazyBundles(true), metafileTo('extension')] }),
    nodeBuild([MAIN], dist, { metafile: true, plugins: [lazyBundles(true), vscodeHandOver, metafileTo('main')] }),
  );
  const others = [...LAZY_BUNDLES];
  // The sandbox CLI of `npm start` and the tests; not shipped in the .vsix.
  if (exists('src/sandbox/cli.ts')) others.push({ in: 'src/sandbox/cli.ts', out: 'sandbox' });
  configs.push(nodeBuild(others, dist, { metafile: true, plugins: [lazyBundles(false), metafileTo('lazy')] }));
  const web = webviewBuild();
  if (web) configs.push(web);
  if (withTests) {
    const tests = integrationTestBuild();
    if (tests) configs.push(tests);
  }
  copyAssets();
  if (watch) {
    const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  const started = Date.now();
  await Promise.all(configs.map((c) => esbuild.build(c)));
  console.log(`built ${production ? 'production' : 'development'} bundles in ${Date.now() - started} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
