import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceRoot } from '../workspace-root.mjs';
import { planSecondNode, secondNodeExcludes } from './second-node-plan.mjs';

describe('planSecondNode', () => {
  const plan = planSecondNode({ node: process.execPath, workspaceRoot, env: { PATH: '/usr/bin' } });

  it("runs every project's tests on that binary, first on PATH, without Nx's cache", () => {
    expect(plan.version).toBe(process.version);
    expect(plan.env.PATH).toBe([path.dirname(process.execPath), '/usr/bin'].join(path.delimiter));
    expect(plan.args.slice(0, 4)).toEqual(['run-many', '-t', 'test', '--skip-nx-cache']);
    expect(plan.args.slice(plan.args.indexOf('--') + 1)).toEqual(['--exclude=test/reliability-*.test.ts']);
  });

  it('keeps its own Nx cache, apart from the one nx.json names', () => {
    const nxJson = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'nx.json'), 'utf8'));
    expect(plan.env.NX_CACHE_DIRECTORY).toBe(
      path.join(workspaceRoot, '.tmp', `nx-cache-node-${process.version}`),
    );
    expect(plan.env.NX_CACHE_DIRECTORY).not.toBe(path.join(workspaceRoot, nxJson.cacheDirectory));
  });

  it('leaves out only files that exist, all in the feature store', () => {
    // The globs use only `*` (any run of characters but `/`), matched against project-relative paths.
    const patterns = secondNodeExcludes.map(
      (glob) =>
        new RegExp(
          `^${glob
            .split('*')
            .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
            .join('[^/]*')}$`,
        ),
    );
    const excluded = (project: string) =>
      (fs.readdirSync(path.join(workspaceRoot, project), { recursive: true }) as string[])
        .map((file) => file.split(path.sep).join('/'))
        .filter((file) => !file.startsWith('node_modules/') && patterns.some((re) => re.test(file)))
        .sort();
    expect(excluded('packages/feature-store')).toEqual([
      'test/reliability-concurrency.test.ts',
      'test/reliability-failure-injection.test.ts',
    ]);
    for (const project of ['packages/feature-pipeline', 'packages/monitoring', 'apps/loop'])
      expect(excluded(project), project).toEqual([]);
  });

  it('says which flag and what to give when the binary cannot run', () => {
    expect(() => planSecondNode({ node: '.tmp/no-such-node', workspaceRoot, env: {} })).toThrow(
      /--also-node \.tmp\/no-such-node: cannot run it .*give the path of a node binary/,
    );
  });
});
