// The sandbox CLI (`npm run sandbox`) as a child process, for tests that kill it with SIGKILL: start it on a free
// port with a data file, wait for its base URL, and kill it without any chance to flush.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'src', 'sandbox', 'cli.ts');

export interface SandboxProcess {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  /** Everything it printed, for failure messages. */
  output(): string;
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), and the exit code. */
  stop(): Promise<number | null>;
}

export interface SandboxProcessOptions {
  /** Keep Altegio's rate limit on (off by default). */
  rateLimit?: boolean;
  /** More command-line options. */
  args?: string[];
}

/** Starts `npm run sandbox` on a free port; with `dataFile` undefined the data stays in memory. */
export function startSandboxProcess(
  dataFile: string | undefined,
  options: SandboxProcessOptions = {},
): Promise<SandboxProcess> {
  const args = ['--port', '0', '--quiet', ...(options.rateLimit ? [] : ['--no-rate-limit'])];
  if (dataFile) args.push('--data', dataFile);
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args, ...(options.args ?? [])], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /Base URL:\s+(http:\/\/127\.0\.0\.1:(\d+)\/api\/v1)/.exec(out);
      if (!match) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      resolve({
        child,
        baseUrl: match[1],
        port: Number(match[2]),
        output: () => out,
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
          return child.exitCode;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code, signal) =>
      reject(new Error(`the sandbox exited (${code ?? signal}) before it was ready:\n${out}`)),
    );
  });
}
