// The module the extension host loads as `extensionTestsPath`: runs every bundled *.test.js beside it with mocha
// and settles when they are done (a rejection makes the extension host exit with code 1).
// Every feature adds its own `<feature>.test.ts` here; esbuild bundles each one on its own (node esbuild.js --tests).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findTests(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    // The runner knows whether its terminal takes colours; the extension host does not.
    color: process.env.ALTEGIO_TEST_COLOR === '1',
    timeout: 20000,
    ...(process.env.ALTEGIO_TEST_GREP ? { grep: process.env.ALTEGIO_TEST_GREP } : {}),
  });
  const files = findTests(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files next to ${__filename}`));
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      // A plain summary line, the same for every level of the suite.
      console.log(
        `integration: ${stats?.passes ?? 0} passed, ${failures} failed${stats?.pending ? `, ${stats.pending} skipped` : ''}`,
      );
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
