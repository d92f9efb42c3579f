// `npm run bench`: runs every benchmark and prints its figures (JSON at the end, for the notes).
import { benchSandbox } from './sandbox';
import { benchWebviewTable } from './webview-table';

async function main(): Promise<void> {
  const results: Record<string, number> = { ...(await benchSandbox()), ...(await benchWebviewTable()) };
  console.log(JSON.stringify(results, null, 2));
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
