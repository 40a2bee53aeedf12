import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SideContext, SideOutcome, Suite, Workload } from './types.js';

const SIDE_PROCESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'side-process.ts');

/**
 * Measures one side of a workload in a fresh Node process (tsx, package sources), with a fresh work folder
 * removed afterwards. A side that reports itself unavailable is not started.
 */
export async function measureSide(options: {
  suite: Suite;
  workload: Workload;
  side: 'fti' | 'peer';
  rows: number;
  data: Record<string, string>;
}): Promise<SideOutcome> {
  const { suite, workload, side, rows, data } = options;
  const reason = await workload[side].unavailable?.();
  if (reason) return { kind: 'unavailable', reason };
  const workDir = mkdtempSync(path.join(tmpdir(), `fti-bench-${workload.name}-${side}-`));
  const context: SideContext = { rows, data, workDir };
  try {
    return await new Promise<SideOutcome>((resolve) => {
      const child = fork(
        SIDE_PROCESS,
        [suite.module, suite.name, workload.name, side, JSON.stringify(context)],
        {
          execArgv: ['--import', 'tsx', '--conditions=@fti/source'],
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        },
      );
      let output = '';
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000);
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      let outcome: SideOutcome | undefined;
      child.on('message', (message) => {
        outcome = message as SideOutcome;
      });
      child.on('error', (error) => resolve({ kind: 'failed', reason: error.message }));
      child.on('exit', (code, signal) => {
        resolve(
          outcome ?? {
            kind: 'failed',
            reason: `process ended (${signal ?? `exit code ${code}`}) without a result:\n${output.trim()}`,
          },
        );
      });
    });
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
