// Builds everything that runs: the extension host bundle (Node, CommonJS, `vscode` external), the standalone
// sandbox CLI, the webview apps under media/ (browser), the bundled OpenAPI document and the codicon font.
//   node esbuild.js               development build (source maps, not minified)
//   node esbuild.js --production  minified, with source maps (what the .vsix ships)
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
    plugins: [problemMatcher],
    ...extra,
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

function copyAssets() {
  // The OpenAPI document is read lazily from disk on first use (src/api/catalog.ts), not parsed at activation.
  fs.mkdirSync(path.join(dist, 'openapi'), { recursive: true });
  const doc = JSON.parse(fs.readFileSync(path.join(root, 'src/api/openapi/altegio-b2b-v1.json'), 'utf8'));
  fs.writeFileSync(path.join(dist, 'openapi/altegio-b2b-v1.json'), JSON.stringify(doc));
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
  const nodeEntries = [];
  if (exists('src/extension.ts')) nodeEntries.push({ in: 'src/extension.ts', out: 'extension' });
  if (exists('src/sandbox/cli.ts')) nodeEntries.push({ in: 'src/sandbox/cli.ts', out: 'sandbox' });
  configs.push(nodeBuild(nodeEntries, dist));
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
