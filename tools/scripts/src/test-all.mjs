#!/usr/bin/env node
// `npm test`: Biome, the module-boundary check, then `nx run-many -t typecheck build test`, closing with one
// line `N passed, N failed` (`, N skipped`) summed from every project's test-results/vitest.json (fresh or
// restored from Nx's cache). Every step runs even when an earlier one failed, so the count stays complete;
// the exit code is 1 when any step or test failed.
// `npm test -- --also-node <path of a node binary>` then runs every project's tests again on that Node.js
// (no Nx cache; see second-node/second-node-plan.mjs for the files it leaves out), and the closing line
// counts both runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadProjectGraph } from './load-project-graph.mjs';
import { planSecondNode } from './second-node/second-node-plan.mjs';
import { formatSummaryLine } from './test-summary/format-summary-line.mjs';
import { sumRuns } from './test-summary/sum-runs.mjs';
import { sumTestResults } from './test-summary/sum-test-results.mjs';
import { workspaceRoot } from './workspace-root.mjs';

process.env.NX_DAEMON ??= 'false';
process.env.NX_NO_CLOUD ??= 'true';
process.env.NX_TUI ??= 'false';
process.chdir(workspaceRoot);

/** @param {string} name */
const bin = (name) => path.join(workspaceRoot, 'node_modules', '.bin', name);
/** @type {{ name: string, ok: boolean }[]} */
const steps = [];

const alsoNode = parseAlsoNode();

/**
 * `--also-node <path>` (or `--also-node=<path>`); anything else stops here with what is accepted.
 * @returns {string | undefined}
 */
function parseAlsoNode() {
  try {
    return parseArgs({ options: { 'also-node': { type: 'string' } } }).values['also-node'];
  } catch (error) {
    console.error(`npm test: ${error instanceof Error ? error.message : String(error)}`);
    console.error('usage: npm test [-- --also-node <path of a node binary>]');
    process.exit(2);
  }
}
/**
 * Passed and failed counts per Node.js version, printed above the closing line.
 * @type {import('./test-summary/sum-runs.mjs').RuntimeRun[]}
 */
const runs = [];

/**
 * Runs one step with its output streamed to this terminal.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
function runStep(name, command, args, env = process.env) {
  console.log(`\n▶ ${name}: ${[path.relative(workspaceRoot, command) || command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: workspaceRoot, env });
  if (result.error) console.error(`${name} could not start: ${result.error.message}`);
  steps.push({ name, ok: result.status === 0 });
}

runStep('lint', bin('biome'), ['check', '.']);
runStep('module boundaries', process.execPath, [
  path.join(workspaceRoot, 'tools/scripts/src/check-boundaries.mjs'),
]);

const testProjects = await listTestProjects();
for (const project of testProjects) fs.rmSync(reportPath(project.root), { force: true });
runStep('typecheck, build, test', bin('nx'), [
  'run-many',
  '-t',
  'typecheck',
  'build',
  'test',
  '--outputStyle=stream',
]);

runs.push({ node: process.version, totals: sumTestResults(testProjects.map((p) => readReport(p))) });

if (alsoNode !== undefined) {
  let plan;
  try {
    plan = planSecondNode({ node: alsoNode, workspaceRoot, env: process.env });
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    steps.push({ name: `test on ${alsoNode}`, ok: false });
  }
  if (plan) {
    for (const project of testProjects) fs.rmSync(reportPath(project.root), { force: true });
    runStep(`test on Node.js ${plan.version}`, plan.node, [bin('nx'), ...plan.args], plan.env);
    runs.push({ node: plan.version, totals: sumTestResults(testProjects.map((p) => readReport(p))) });
  }
}

const totals = sumRuns(runs);
console.log('');
for (const step of steps) console.log(`${step.ok ? '✔' : '✘'} ${step.name}`);
for (const run of runs) {
  const on = runs.length > 1 ? `Node.js ${run.node}: ` : '';
  for (const problem of run.totals.problems) console.log(`✘ ${on}${problem}`);
  if (runs.length > 1) console.log(`  tests on Node.js ${run.node} = ${formatSummaryLine(run.totals)}`);
}
console.log(formatSummaryLine(totals));
process.exitCode = steps.every((step) => step.ok) && totals.failed === 0 ? 0 : 1;

/**
 * Projects with a `test` target, from Nx's project graph; from the workspaces' package.json files when the
 * graph cannot be computed (the nx step then fails and says why).
 * @returns {Promise<{ name: string, root: string }[]>}
 */
async function listTestProjects() {
  try {
    const graph = await loadProjectGraph(workspaceRoot);
    return Object.values(graph.nodes)
      .filter((node) => /** @type {any} */ (node.data).targets?.test)
      .map((node) => ({ name: node.name, root: node.data.root }));
  } catch (error) {
    console.error(
      `project graph unavailable (${String(error)}); looking for test targets in package.json files`,
    );
    return ['packages', 'apps', 'tools'].flatMap((group) =>
      fs.existsSync(group)
        ? fs
            .readdirSync(group)
            .map((dir) => ({ root: `${group}/${dir}`, file: `${group}/${dir}/package.json` }))
            .filter(({ file }) => fs.existsSync(file))
            .map(({ root, file }) => ({ root, manifest: JSON.parse(fs.readFileSync(file, 'utf8')) }))
            .filter(({ manifest }) => manifest.nx?.targets?.test)
            .map(({ root, manifest }) => ({ name: manifest.name ?? root, root }))
        : [],
    );
  }
}

/** @param {string} root */
function reportPath(root) {
  return path.join(workspaceRoot, root, 'test-results', 'vitest.json');
}

/**
 * @param {{ name: string, root: string }} project
 * @returns {import('./test-summary/sum-test-results.mjs').ProjectTestResults}
 */
function readReport(project) {
  const file = reportPath(project.root);
  const shown = path.relative(workspaceRoot, file);
  if (!fs.existsSync(file)) return { project: project.name, missing: `${shown} does not exist` };
  try {
    return { project: project.name, report: JSON.parse(fs.readFileSync(file, 'utf8')) };
  } catch (error) {
    return { project: project.name, missing: `${shown} is not valid JSON: ${String(error)}` };
  }
}
