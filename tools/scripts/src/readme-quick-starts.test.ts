import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { workspaceRoot } from './workspace-root.mjs';

const run = promisify(execFile);
const packages = [
  'feature-store',
  'feature-pipeline',
  'training-pipeline',
  'model-registry',
  'model-runtime',
];
// Scripts live inside the workspace so `@fti/*` and `@duckdb/node-api` resolve; each runs in an empty folder.
const scriptsDir = path.join(workspaceRoot, '.tmp', 'readme-quick-starts');
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The `## Quick start` section's first ```ts block and the ```text block after it (what it prints). */
function readQuickStart(pkg: string): { code: string; expected: string } {
  const readme = fs.readFileSync(path.join(workspaceRoot, 'packages', pkg, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Quick start\n'));
  if (!section) throw new Error(`packages/${pkg}/README.md has no "## Quick start" section`);
  const code = section.match(/^```ts\n([\s\S]*?)^```$/m)?.[1];
  const expected = section.match(/^```text\n([\s\S]*?)^```$/m)?.[1];
  if (code === undefined || expected === undefined)
    throw new Error(
      `packages/${pkg}/README.md: Quick start needs a \`\`\`ts block, then a \`\`\`text block of its output`,
    );
  return { code, expected };
}

describe.concurrent('package README quick starts run and print what they say', () => {
  it.each(packages)(
    'packages/%s',
    async (pkg) => {
      const { code, expected } = readQuickStart(pkg);
      fs.mkdirSync(scriptsDir, { recursive: true });
      const script = path.join(scriptsDir, `${pkg}.ts`);
      fs.writeFileSync(script, code);
      const cwd = fs.mkdtempSync(path.join(os.tmpdir(), `fti-quick-start-${pkg}-`));
      tempDirs.push(cwd);
      const tsx = path.join(workspaceRoot, 'node_modules', '.bin', 'tsx');
      // A non-zero exit rejects with the script's stderr in the message.
      const { stdout } = await run(tsx, ['--conditions=@fti/source', script], {
        cwd,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: 60_000,
      });
      expect(stdout.trimEnd()).toBe(expected.trimEnd());
    },
    90_000,
  );
});
