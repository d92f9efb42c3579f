// `npm run bench`: builds and packages the extension as it ships, runs every benchmark once, and prints each figure of
// issue 11's table beside its goal (then all raw numbers as JSON, also written to bench-results/bench.json).
//   npm run bench                         everything (about 3 minutes on a 2-core machine)
//   npm run bench -- --only client,table  some of: sizes, catalog, search, notebook, client, fetch-all, table, host
//   npm run bench -- --no-build           measure what is in dist/ now
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchCatalogCold } from './catalog-cold';
import { benchCatalogSearch } from './catalog-search';
import { benchExtensionHost } from './extension-host';
import { benchFetchAll } from './fetch-all';
import { benchNotebook } from './notebook';
import { printTable, type Figure } from './report';
import { benchSandbox } from './sandbox';
import { benchSizes } from './sizes';
import { benchWebviewTable } from './webview-table';

type Bench = () =>
  | { figures: Figure[]; results: Record<string, number> }
  | Promise<{ figures: Figure[]; results: Record<string, number> }>;

const BENCHES: Record<string, Bench> = {
  host: benchExtensionHost,
  sizes: benchSizes,
  catalog: benchCatalogCold,
  search: benchCatalogSearch,
  notebook: benchNotebook,
  client: benchSandbox,
  'fetch-all': benchFetchAll,
  table: benchWebviewTable,
};

const ROOT = path.resolve(__dirname, '..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const only = option('--only')?.split(',');
  const unknown = (only ?? []).filter((n) => !(n in BENCHES));
  if (unknown.length) throw new Error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  if (!process.argv.includes('--no-build')) {
    console.log('building and packaging the extension (npm run package)…');
    const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`npm run package failed with ${r.status}`);
  }
  console.log(
    `machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const figures: Figure[] = [];
  const results: Record<string, number> = {};
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (only && !only.includes(name)) continue;
    console.log(`${name}…`);
    const r = await bench();
    figures.push(...r.figures);
    Object.assign(results, r.results);
  }
  console.log('');
  printTable(figures);
  console.log('');
  console.log(JSON.stringify(results, null, 2));
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench-results', 'bench.json'),
    JSON.stringify({ figures, results }, null, 2) + '\n',
  );
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
  },
);
