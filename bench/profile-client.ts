// `npm run bench:profile-client`: where the client's time goes. Runs sequential GETs through AltegioClient against the
// sandbox (rate limit off, in another process so that its work is not in the profile) under `node --cpu-prof`, then
// prints the functions with the most self time, by share of all samples in the client's process.
//   npm run bench:profile-client -- [--requests N] [--top N] [--interval µs] [--bare | --bare-parse | --fetch] [--keep]
//   (--bare: the same loop with node:http; --fetch: with node-fetch alone, the client's transport before)
import { spawn, spawnSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
}

const LOOP = `
import * as http from 'http';
import { loadCatalog } from './src/api/catalog';
import { AltegioClient } from './src/api/client';
import fetch from 'node-fetch';
import { exchange } from './src/api/http-transport';
const [baseUrl, partnerToken, userToken, count, bare, documentFile] = process.argv.slice(2);
const operation = loadCatalog(documentFile).requireOperation('get_location');
const client = new AltegioClient({ baseUrl, credentials: () => ({ partnerToken, userToken }), rateLimiter: null });
const agent = new http.Agent({ keepAlive: true });
const viaBare = () => new Promise<void>((resolve, reject) => {
  http.get(baseUrl + '/company/720441', { agent, headers: { Accept: 'application/vnd.api.v2+json', Authorization: 'Bearer ' + partnerToken + ', User ' + userToken } }, (res) => {
    res.resume(); res.on('end', () => resolve()); res.on('error', reject);
  }).on('error', reject);
});
const viaBareParse = () => new Promise<void>((resolve, reject) => {
  http.get(baseUrl + '/company/720441', { agent, headers: { Accept: 'application/vnd.api.v2+json', Authorization: 'Bearer ' + partnerToken + ', User ' + userToken } }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => { JSON.parse(Buffer.concat(chunks).toString('utf8')); resolve(); });
    res.on('error', reject);
  }).on('error', reject);
});
const viaTransport = () => exchange({ url: baseUrl + '/company/720441', method: 'GET', headers: { Accept: 'application/vnd.api.v2+json', Authorization: 'Bearer ' + partnerToken + ', User ' + userToken } }, { timeoutMs: 30000 }).then(() => undefined);
const viaClient = () => client.send({ operation, pathParams: { location_id: 720441 } }).then(() => undefined);
const headers = { Accept: 'application/vnd.api.v2+json', Authorization: 'Bearer ' + partnerToken + ', User ' + userToken };
const viaFetch = () => fetch(baseUrl + '/company/720441', { headers }).then((r) => r.arrayBuffer()).then(() => undefined);
(async () => {
  const one = { bare: viaBare, 'bare-parse': viaBareParse, fetch: viaFetch, transport: viaTransport }[bare] ?? viaClient;
  for (let i = 0; i < 200; i++) await one();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < Number(count); i++) await one();
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ meanMs: (performance.now() - started) / Number(count), cpuMs: (used.user + used.system) / 1000 / Number(count) }));
  agent.destroy();
})();
`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

async function main(): Promise<void> {
  const requests = option('--requests', 2200);
  const top = option('--top', 25);
  const mode =
    (['bare', 'bare-parse', 'fetch', 'transport'] as const).find((m) => process.argv.includes(`--${m}`)) ?? 'client';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'altegio-client-profile-'));
  const sandboxProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/sandbox/cli.ts', '--port', '0', '--no-rate-limit'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const info = await new Promise<string>((resolve, reject) => {
      let out = '';
      sandboxProcess.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/User token/i.test(out) && /http:\/\/127\.0\.0\.1:\d+\/api\/v1/.test(out)) resolve(out);
      });
      sandboxProcess.on('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${out}`)));
    });
    const baseUrl = /http:\/\/127\.0\.0\.1:\d+\/api\/v1/.exec(info)![0];
    const partner = /Partner token:\s*(\S+)/i.exec(info)![1];
    const user = /User token:\s*(\S+)/i.exec(info)![1];
    const loop = path.join(dir, 'loop.js');
    await esbuild.build({
      stdin: { contents: LOOP, resolveDir: ROOT, loader: 'ts', sourcefile: 'client-loop.ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // Minified like the shipped bundle, but with names kept so that the profile reads.
      minifyWhitespace: true,
      minifySyntax: true,
      keepNames: true,
      outfile: loop,
      logLevel: 'warning',
    });
    const run = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        '--cpu-prof-interval',
        String(option('--interval', 1000)),
        loop,
        baseUrl,
        partner,
        user,
        String(requests),
        mode,
        path.join(ROOT, 'src/api/openapi/altegio-b2b-v1.json'),
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    const { meanMs, cpuMs } = JSON.parse(run.stdout) as { meanMs: number; cpuMs: number };
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    for (const id of profile.samples) {
      const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
      const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'} ${where}`.trim();
      self.set(key, (self.get(key) ?? 0) + 1);
    }
    const total = profile.samples.length;
    const label = {
      bare: 'bare node:http',
      'bare-parse': 'bare node:http + body read + JSON.parse',
      fetch: 'node-fetch alone',
      transport: "the client's transport alone",
      client: 'AltegioClient',
    }[mode];
    console.log(
      `${label}: ${requests} sequential GETs, mean ${meanMs.toFixed(3)} ms, CPU ${cpuMs.toFixed(3)} ms per request; ${total} samples`,
    );
    for (const [name, n] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${((100 * n) / total).toFixed(1).padStart(5)} %  ${name}`);
  } finally {
    sandboxProcess.kill('SIGKILL');
    if (process.argv.includes('--keep')) console.log(`profile kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(e.stack ?? e.message);
    process.exit(1);
  },
);
