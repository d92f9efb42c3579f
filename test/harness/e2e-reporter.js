// The e2e suite's Mocha reporter: Mocha's spec output, plus, when ALTEGIO_E2E_RESULTS names a file, every test's
// outcome as JSON for test/harness/stress-e2e.js: passed, failed, skipped (after an earlier step of its scenario
// failed) or not run (its scenario's set-up failed), and the failures of hooks.
'use strict';

const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');

const { EVENT_RUN_END, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class E2EReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const out = process.env.ALTEGIO_E2E_RESULTS;
    if (!out) return;
    /** @type {{ name: string, error: string }[]} */
    const hookFailures = [];
    runner.on(EVENT_TEST_FAIL, (runnable, err) => {
      if (runnable.type === 'hook')
        hookFailures.push({ name: runnable.titlePath().join(' › '), error: firstLine(err) });
    });
    runner.once(EVENT_RUN_END, () => {
      const tests = [];
      const walk = (suite) => {
        for (const test of suite.tests) {
          // Tests left out by --grep are not part of this run.
          if (runner._grep && runner._grep.test(test.fullTitle()) === !!runner._invert) continue;
          tests.push({
            name: test.titlePath().join(' › '),
            file: test.file ? path.relative(process.cwd(), test.file) : '',
            outcome: outcome(test),
            ms: test.duration ?? 0,
            ...(test.state === 'failed' && test.err ? { error: firstLine(test.err) } : {}),
          });
        }
        suite.suites.forEach(walk);
      };
      walk(runner.suite);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify({ tests, hookFailures }, null, 2));
    });
  }
}

function outcome(test) {
  if (test.state === 'passed') return 'passed';
  if (test.state === 'failed') return 'failed';
  if (test.isPending()) return 'skipped';
  return 'not run';
}

function firstLine(err) {
  return String((err && err.message) || err)
    .split('\n')[0]
    .slice(0, 300);
}

module.exports = E2EReporter;
