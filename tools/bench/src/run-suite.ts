import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSide } from './measure-side.js';
import type { Progress } from './progress.js';
import { toBenchResult } from './to-bench-result.js';
import type { BenchResult, SideOutcome, Suite } from './types.js';

/**
 * Prepares a suite's data, then measures each selected workload's fti side and peer, each in its own
 * process. A side that is not implemented yet or missing here is reported and skipped; the other side is
 * still measured so its figure is on record.
 */
export async function runSuite(options: {
  suite: Suite;
  rows: number;
  dataDir: string;
  /** Names of the workloads to run; all when empty. */
  only: string[];
  progress: Progress;
  /** The run's time, ISO. */
  measuredAt: string;
  /** The machine, as recorded in each result. */
  machine: string;
}): Promise<BenchResult[]> {
  const { suite, rows, dataDir, only, progress, measuredAt, machine } = options;
  const workloads = suite.workloads.filter((workload) => only.length === 0 || only.includes(workload.name));
  progress.start(`prepare ${suite.name} data (${rows.toLocaleString('en-US')} rows, cached in ${dataDir})`);
  const data = await suite.prepare({ rows, dataDir, log: (line) => progress.log(`  ${line}`) });
  progress.finish('ready');
  const results: BenchResult[] = [];
  for (const workload of workloads) {
    const outcomes: Record<'fti' | 'peer', SideOutcome> = {} as Record<'fti' | 'peer', SideOutcome>;
    for (const side of ['fti', 'peer'] as const) {
      progress.start(`${workload.name} · ${workload[side].label}`);
      const outcome = await measureSide({ suite, workload, side, rows, data });
      outcomes[side] = outcome;
      progress.finish(describe(outcome, workload.name, side, suite.module));
    }
    results.push(
      toBenchResult({ workload, fti: outcomes.fti, peer: outcomes.peer, rows, measuredAt, machine }),
    );
  }
  return results;
}

function describe(outcome: SideOutcome, workload: string, side: 'fti' | 'peer', module: string): string {
  switch (outcome.kind) {
    case 'measured':
      return `${outcome.seconds.toFixed(2)} s, ${outcome.rows.toLocaleString('en-US')} rows, peak RSS ${Math.round(outcome.peakRssMb)} MiB`;
    case 'pending':
      return `skipped: ${outcome.reason} (fill in the ${side} side of \`${workload}\` in ${path.relative(process.cwd(), fileURLToPath(module))})`;
    case 'unavailable':
      return `skipped: ${outcome.reason}`;
    case 'failed':
      return `FAILED: ${outcome.reason}`;
  }
}
