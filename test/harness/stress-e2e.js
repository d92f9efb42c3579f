#!/usr/bin/env node
// `npm run test:e2e:stress -- N [mocha arguments]`: builds the extension once, runs the e2e suite N times (default
// 10) and prints, for every test, in how many runs it passed, failed, was skipped (an earlier step of its scenario
// failed) or did not run (its scenario's set-up failed), and its slowest time. Exits non-zero unless every run
// passed. Not part of `npm test`: it is for proving the suite deterministic, and takes N times as long.
// The failure reports of a failed run are kept in test-results/e2e-stress/run-<NN>/ (the next run would
// overwrite test-results/e2e/), with each run's outcomes in test-results/e2e-stress/run-<NN>.json.
'use strict';

const fs = require('fs');
const path = require('path');
const { REPO_ROOT } = require('./install-vscode');
const { prepareE2E, runScenarios } = require('./run-e2e');

const log = (msg) => console.log(`[stress] ${msg}`);
const STRESS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e-stress');
const E2E_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
const OUTCOMES = ['passed', 'failed', 'skipped', 'not run'];

function parseArgs(argv) {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) return { runs: 10, mochaArgs: argv };
  const runs = Number(first);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`the number of runs must be a whole number ≥ 1, not "${first}"`);
  return { runs, mochaArgs: rest };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms) => `${Math.floor(ms / 60000)} min ${String(Math.round((ms % 60000) / 1000)).padStart(2, '0')} s`;

/** One run's outcomes, or a single "not run" entry when mocha died before writing them. */
function readResults(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { tests: [], hookFailures: [{ name: '(the run itself)', error: 'mocha wrote no results' }] };
  }
}

/** A plain-text table: the first column left-aligned, the others right-aligned. */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? '-' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`,
  ]
    .concat(rows.map(line))
    .join('\n');
}

async function main() {
  const { runs, mochaArgs } = parseArgs(process.argv.slice(2));
  let interrupted = false;
  process.on('SIGINT', () => {
    interrupted = true; // mocha gets the same Ctrl+C through the process group and stops its run
  });
  process.on('SIGTERM', () => {
    interrupted = true; // runScenarios() passes it on to mocha
  });
  fs.rmSync(STRESS_DIR, { recursive: true, force: true });
  fs.mkdirSync(STRESS_DIR, { recursive: true });
  await prepareE2E();

  /** name → { file, counts per outcome, slowest ms, errors } in the order tests first appear */
  const byTest = new Map();
  const hookFailures = [];
  const failedRuns = [];
  let done = 0;
  const started = Date.now();
  for (let run = 1; run <= runs && !interrupted; run++) {
    const tag = `run-${String(run).padStart(2, '0')}`;
    const resultsFile = path.join(STRESS_DIR, `${tag}.json`);
    log(`${tag} of ${runs}`);
    const runStarted = Date.now();
    fs.rmSync(E2E_DIR, { recursive: true, force: true }); // so that a failed run's copy holds this run only
    const code = await runScenarios(mochaArgs, { ALTEGIO_E2E_RESULTS: resultsFile });
    if (interrupted) break;
    done++;
    const results = readResults(resultsFile);
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
    for (const t of results.tests) {
      counts[t.outcome]++;
      const entry = byTest.get(t.name) ?? {
        file: t.file,
        counts: Object.fromEntries(OUTCOMES.map((o) => [o, 0])),
        slowest: 0,
      };
      entry.counts[t.outcome]++;
      if (t.outcome === 'passed') entry.slowest = Math.max(entry.slowest, t.ms);
      byTest.set(t.name, entry);
    }
    for (const h of results.hookFailures) hookFailures.push({ run, ...h });
    const ok = code === 0 && counts.failed === 0 && counts['not run'] === 0 && results.hookFailures.length === 0;
    if (!ok) {
      failedRuns.push(run);
      if (fs.existsSync(E2E_DIR)) fs.cpSync(E2E_DIR, path.join(STRESS_DIR, tag), { recursive: true });
      for (const t of results.tests.filter((x) => x.outcome === 'failed')) log(`  FAILED ${t.name}: ${t.error ?? ''}`);
      for (const h of results.hookFailures) log(`  FAILED ${h.name}: ${h.error}`);
    }
    log(
      `${tag}: ${ok ? 'passed' : 'FAILED'} — ${OUTCOMES.map((o) => `${counts[o]} ${o}`).join(', ')} in ${minutes(Date.now() - runStarted)}`,
    );
  }

  const rows = [...byTest].map(([name, e]) => [
    name,
    ...OUTCOMES.map((o) => e.counts[o]),
    e.counts.passed > 0 ? seconds(e.slowest) : '–',
  ]);
  console.log('');
  console.log(`Per-test results of ${done} run${done === 1 ? '' : 's'} (${minutes(Date.now() - started)}):`);
  console.log(table(['test', ...OUTCOMES, 'slowest pass'], rows));
  if (hookFailures.length > 0) {
    console.log('\nHook failures:');
    for (const h of hookFailures) console.log(`  run ${h.run}: ${h.name}: ${h.error}`);
  }
  console.log('');
  const passedRuns = done - failedRuns.length;
  log(
    `${passedRuns} of ${done} runs passed${interrupted ? ` (interrupted; ${runs} asked for)` : ''}` +
      (failedRuns.length > 0
        ? `; failure reports of runs ${failedRuns.join(', ')} in ${path.relative(REPO_ROOT, STRESS_DIR)}/`
        : ''),
  );
  return interrupted ? 130 : passedRuns === runs ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(`[stress] FAILED: ${e && e.message ? e.message : e}`);
    process.exitCode = 1;
  },
);
