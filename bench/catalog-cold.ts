// The catalog's first use in a fresh process, file reading included: each figure is the median of RUNS fresh Node
// processes running the production build of the catalog code (bundled and minified by esbuild, as in the .vsix)
// against the files `node esbuild.js` put into dist/openapi/.
import { spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, round, type Figure } from './report';

const ROOT = path.resolve(__dirname, '..');
const RUNS = 9;

/** What the tree, the palette and the filter need on first use, and what a form needs: timed in a fresh process. */
const PROBE = `
import { loadCatalog } from './src/api/catalog';
import { loadCatalogIndex } from './src/api/catalog-index';
const [what, file] = process.argv.slice(2);
const started = performance.now();
const catalog = what === 'index' ? loadCatalogIndex(file) : loadCatalog(file);
// What a first use touches: every section's operations, and one search.
const count = catalog.sections.reduce((n, s) => n + s.operations.length, 0) + catalog.search('loyalty card').length;
console.log(JSON.stringify({ ms: performance.now() - started, count }));
`;

export async function benchCatalogCold(): Promise<{ figures: Figure[]; results: Record<string, number> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altegio-bench-catalog-'));
  try {
    const probe = path.join(dir, 'probe.js');
    await esbuild.build({
      stdin: { contents: PROBE, resolveDir: ROOT, loader: 'ts', sourcefile: 'catalog-probe.ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: true,
      outfile: probe,
      logLevel: 'warning',
    });
    const time = (what: string, file: string): number[] => {
      const out: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = spawnSync(process.execPath, [probe, what, file], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`catalog probe failed: ${r.stderr}`);
        out.push((JSON.parse(r.stdout) as { ms: number }).ms);
      }
      return out;
    };
    const documentFile = path.join(ROOT, 'dist', 'openapi', 'altegio-b2b-v1.json');
    const indexFile = path.join(ROOT, 'dist', 'openapi', 'catalog-index.json');
    const full = round(median(time('full', documentFile)), 2);
    const index = fs.existsSync(indexFile) ? round(median(time('index', indexFile)), 2) : NaN;
    // What the tree and the palette pay at first use: the index where there is one, else the whole catalog.
    const firstUse = Number.isNaN(index) ? full : index;
    const results = {
      'catalog.firstUseColdMs': firstUse,
      'catalog.indexColdMs': index,
      'catalog.fullColdMs': full,
      'catalog.indexBytes': fs.existsSync(indexFile) ? fs.statSync(indexFile).size : NaN,
      'catalog.documentBytes': fs.statSync(documentFile).size,
    };
    const figures: Figure[] = [
      {
        name: 'catalog on first use (tree, palette, filter), cold',
        value: `${firstUse} ms${Number.isNaN(index) ? ' (whole document: no index yet)' : ` (index ${round(results['catalog.indexBytes'] / 1024)} KB)`}`,
        goal: '≤ 5 ms',
        met: firstUse <= 5,
        note: `read + parse + index, median of ${RUNS} fresh processes`,
      },
      {
        name: 'whole catalog with schemas (forms, validation), cold',
        value: `${full} ms`,
        goal: '',
        note: `read + parse + $ref resolution, median of ${RUNS} fresh processes`,
      },
    ];
    return { figures, results };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
