// `npm run sandbox`: the sandbox as a standalone process. Prints its base URL and demo credentials and stops
// cleanly on Ctrl+C.
//   --port N        listen on this port (default 8787; 0 picks a free one)
//   --data FILE     keep the state in FILE across restarts (in memory otherwise)
//   --no-rate-limit do not apply Altegio's 5/s and 200/min limit
//   --latency MS    add this much latency to every request
//   --quiet         do not log each request (failures of the sandbox itself are still printed, on stderr)
import { startSandbox, type SandboxOptions } from './index';

const DEFAULT_PORT = 8787;

interface CliOptions {
  port: number;
  dataFile?: string;
  rateLimit: boolean;
  latencyMs?: number;
  quiet: boolean;
}

function usage(message: string): never {
  console.error(
    `${message}\nUsage: npm run sandbox -- [--port N] [--data FILE] [--no-rate-limit] [--latency MS] [--quiet]`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { port: DEFAULT_PORT, rateLimit: true, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') usage(`${flag} needs a value.`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) usage(`${flag} needs a whole number.`);
      return n;
    };
    switch (flag) {
      case '--port':
        options.port = number();
        break;
      case '--data':
        options.dataFile = value();
        break;
      case '--no-rate-limit':
        options.rateLimit = false;
        break;
      case '--latency':
        options.latencyMs = number();
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--help':
      case '-h':
        usage('Starts the local Altegio sandbox.');
        break;
      default:
        usage(`Unknown option ${argv[i]}.`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const cli = parseArgs(process.argv.slice(2));
  const options: SandboxOptions = {
    port: cli.port,
    dataFile: cli.dataFile,
    rateLimit: cli.rateLimit ? undefined : false,
    faults: cli.latencyMs ? { latencyMs: cli.latencyMs } : undefined,
    log: cli.quiet
      ? (line) => {
          if (/^(internal error|could not)/.test(line)) console.error(`[sandbox] ${line}`);
        }
      : (line) => console.log(`[sandbox] ${line}`),
  };
  const sandbox = await startSandbox(options);
  const c = sandbox.credentials;
  console.log(
    [
      '',
      'Altegio local sandbox is running.',
      `  Base URL:      ${sandbox.baseUrl}`,
      `  Partner token: ${c.partnerToken}`,
      `  User token:    ${c.userToken}`,
      `  Sign in:       POST ${sandbox.baseUrl}/auth  {"login": "${c.login}", "password": "${c.password}"}`,
      `  Demo info:     ${sandbox.origin}/__sandbox/info`,
      `  Data:          ${cli.dataFile ?? 'in memory (lost on exit; use --data FILE to keep it)'}`,
      `  Rate limit:    ${cli.rateLimit ? '5 requests/s and 200/min per IP' : 'off'}${cli.latencyMs ? `; added latency ${cli.latencyMs} ms` : ''}`,
      'Try:',
      `  curl -H 'Accept: application/vnd.api.v2+json' -H 'Authorization: Bearer ${c.partnerToken}, User ${c.userToken}' ${sandbox.baseUrl}/company/720441`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    sandbox.close().then(
      () => process.exit(0),
      (e: Error) => {
        console.error(`Could not stop cleanly: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: NodeJS.ErrnoException) => {
  if (e.code === 'EADDRINUSE')
    console.error(`Could not start the sandbox: the port is in use. Pass --port 0 for a free port, or another --port.`);
  else
    console.error(e.name === 'SandboxDataError' ? e.message : `Could not start the sandbox: ${e.stack ?? e.message}`);
  process.exit(1);
});
