#!/usr/bin/env node
// `npm run bench -- <suite> [--rows N]` / `npm run bench -- --docs`: runs tools/bench from TypeScript sources
// (tsx, `--conditions=@fti/source`, so workspace packages are used from src/ without a build).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { workspaceRoot } from './workspace-root.mjs';

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--conditions=@fti/source',
    path.join(workspaceRoot, 'tools/bench/src/main.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', cwd: workspaceRoot },
);
if (result.error) console.error(`bench could not start: ${result.error.message}`);
process.exitCode = result.status ?? 1;
