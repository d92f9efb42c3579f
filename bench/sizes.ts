// Sizes of what ships: the extension's bundles in dist/ and the .vsix, with what the .vsix contains.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { kb, type Figure } from './report';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** What went into each Node bundle, from esbuild's metafiles (dist/meta/*.json): packages and source folders. */
export function bundleContents(): string[] {
  const lines: string[] = [];
  for (const name of ['extension', 'main', 'lazy']) {
    const file = path.join(DIST, 'meta', `${name}.json`);
    if (!fs.existsSync(file)) continue;
    const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as Metafile;
    for (const [output, { bytes, inputs }] of Object.entries(meta.outputs)) {
      if (!output.endsWith('.js')) continue;
      const groups = new Map<string, number>();
      for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
        const key = pkg ?? input.replace(/^(left-out:)?/, '').replace(/\/[^/]+$/, '/');
        groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
      }
      const top = [...groups.entries()]
        .filter(([, b]) => b > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([k, b]) => `${k} ${kb(b)}`);
      lines.push(`${path.basename(output)} ${kb(bytes)}: ${top.join(', ')}`);
    }
  }
  return lines;
}

export function benchSizes(): { figures: Figure[]; results: Record<string, number> } {
  const main = path.join(DIST, 'extension.js');
  const vsix = path.join(DIST, 'altegio-vscode.vsix');
  if (!fs.existsSync(main) || !fs.existsSync(vsix))
    throw new Error('dist/extension.js or dist/altegio-vscode.vsix is missing: run `npm run package` first.');
  const listing = execFileSync('unzip', ['-Z', '-l', vsix], { encoding: 'utf8' }).split('\n');
  // `unzip -Z -l`: permissions, version, os, size, type, compressed size, method, date, time, name.
  const entries = listing
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 10 && /^[-d]/.test(cols[0]))
    .map((cols) => ({ size: Number(cols[3]), name: cols.slice(9).join(' ') }));
  const maps = entries.filter((e) => e.name.endsWith('.map'));
  const shippedBundles = entries.filter((e) => /^extension\/dist\/[^/]+\.js$/.test(e.name));
  console.log('  bundles (esbuild metafiles):');
  for (const line of bundleContents()) console.log(`    ${line}`);
  const results = {
    'bundle.extensionBytes': fs.statSync(main).size,
    'bundle.mainBytes': fs.statSync(path.join(DIST, 'main.js')).size,
    'vsix.bytes': fs.statSync(vsix).size,
    'vsix.files': entries.length,
    'vsix.sourceMaps': maps.length,
    'vsix.sourceMapBytes': maps.reduce((s, e) => s + e.size, 0),
  };
  const figures: Figure[] = [
    {
      name: '`dist/extension.js` (minified; what activation loads)',
      value: kb(results['bundle.extensionBytes']),
      goal: '≤ 150 KB',
      met: results['bundle.extensionBytes'] <= 150 * 1024,
      note: `the extension proper, loaded on first use: main.js ${kb(results['bundle.mainBytes'])}; bundles in the .vsix: ${shippedBundles.map((e) => `${path.basename(e.name)} ${kb(e.size)}`).join(', ')}`,
    },
    {
      name: 'VSIX',
      value: `${kb(results['vsix.bytes'])}, ${maps.length} source maps (${kb(results['vsix.sourceMapBytes'])})`,
      goal: '≤ 600 KB, no maps',
      met: results['vsix.bytes'] <= 600 * 1024 && maps.length === 0,
      note: `${entries.length} files`,
    },
  ];
  return { figures, results };
}
