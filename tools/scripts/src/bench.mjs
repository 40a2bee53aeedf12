#!/usr/bin/env node
// `npm run bench -- <suite> [--rows N]` / `npm run bench -- --docs`: runs tools/bench from TypeScript sources
// (tsx, `--conditions=@fti/source`, so workspace packages are used from src/ without a build).
// Bare `npm run bench` runs no suite (each takes minutes at its default size): it prints the usage with the
// list of suites, then regenerates docs/benchmarks.md from bench-results/*.json (`--docs`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { workspaceRoot } from './workspace-root.mjs';

/**
 * Runs tools/bench/src/main.ts with these arguments.
 * @param {string[]} args
 * @param {'inherit' | 'pipe'} stdio
 */
function runBench(args, stdio) {
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@fti/source',
      path.join(workspaceRoot, 'tools/bench/src/main.ts'),
      ...args,
    ],
    { stdio, cwd: workspaceRoot, encoding: 'utf8' },
  );
}

const args = process.argv.slice(2);
if (args.length === 0) {
  // main.ts prints its usage (suites included) when given nothing.
  const usage = runBench([], 'pipe');
  console.log(
    `${(usage.stderr ?? '').trim()}\nno suite given: regenerating docs/benchmarks.md from bench-results/`,
  );
}
const result = runBench(args.length === 0 ? ['--docs'] : args, 'inherit');
if (result.error) console.error(`bench could not start: ${result.error.message}`);
process.exitCode = result.status ?? 1;
