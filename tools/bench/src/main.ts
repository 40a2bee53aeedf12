// `npm run bench -- <suite> [--rows N] [--workload name]...` runs a suite and writes bench-results/<suite>.json
// and docs/benchmarks.md; `npm run bench -- --docs` only regenerates docs/benchmarks.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, availableParallelism, platform } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatTable } from './format-table.js';
import { createProgress } from './progress.js';
import { runSuite } from './run-suite.js';
import { suites } from './suites/index.js';
import type { BenchResult } from './types.js';
import { writeBenchmarksDoc } from './write-benchmarks-doc.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rows: { type: 'string' },
    workload: { type: 'string', multiple: true, default: [] },
    docs: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: path.join(root, '.tmp', 'bench') },
  },
});

const usage = `usage: npm run bench -- <suite> [--rows N] [--workload name]... | --docs\nsuites: ${Object.keys(suites).join(', ')}`;
const [name] = positionals;
if (!name) {
  if (!values.docs) {
    console.error(usage);
    process.exit(2);
  }
  console.log(`wrote ${path.relative(root, writeBenchmarksDoc({ root }))}`);
  process.exit(0);
}
const suite = suites[name];
const rows = Number(values.rows ?? suite?.defaultRows ?? 10_000_000);
if (!suite || !Number.isSafeInteger(rows) || rows < 1) {
  console.error(
    suite ? `--rows must be a positive integer, got ${values.rows}` : `unknown suite ${name}\n${usage}`,
  );
  process.exit(2);
}
const unknown = values.workload.filter(
  (workload) => !suite.workloads.some((known) => known.name === workload),
);
if (unknown.length > 0) {
  console.error(
    `unknown workload(s) ${unknown.join(', ')}; ${name} has ${suite.workloads.map((w) => w.name).join(', ')}`,
  );
  process.exit(2);
}

const selected = suite.workloads.filter(
  (w) => values.workload.length === 0 || values.workload.includes(w.name),
);
const progress = createProgress({ total: 1 + 2 * selected.length });
const results = await runSuite({
  suite,
  rows,
  dataDir: path.resolve(values['data-dir']),
  only: values.workload,
  progress,
  measuredAt: new Date().toISOString(),
  machine: `${availableParallelism()} cores · ${platform()} ${arch()} · Node ${process.version}`,
});
progress.done();

// A run of some workloads replaces only their lines in the suite's results file.
const resultsFile = path.join(root, 'bench-results', `${name}.json`);
mkdirSync(path.dirname(resultsFile), { recursive: true });
const previous: BenchResult[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : [];
const merged = suite.workloads
  .map(
    (workload) =>
      results.find((result) => result.workload === workload.name) ??
      previous.find((result) => result.workload === workload.name),
  )
  .filter((result) => result !== undefined);
writeFileSync(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
const doc = writeBenchmarksDoc({ root });

console.log(`\n${formatTable(results)}\n`);
for (const result of results.filter((line) => line.note)) console.log(`${result.workload}: ${result.note}`);
console.log(`wrote ${path.relative(root, resultsFile)} and ${path.relative(root, doc)}`);
if (results.some((result) => result.note?.includes(' failed: '))) process.exitCode = 1;
