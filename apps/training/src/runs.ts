import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalObjectStore } from '@fti/feature-store';
import { compareRuns, getRun, listRuns, openRunTracker } from '@fti/training-pipeline';
import { formatRunComparison, formatRunList } from './format-runs-table.js';

// `npx nx run training:runs -- list [--runs .fti/runs]` / `... -- compare <id> <id> [--all]`
try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { runs: { type: 'string', default: '.fti/runs' }, all: { type: 'boolean', default: false } },
  });
  const tracker = openRunTracker({ store: new LocalObjectStore({ root: resolve(values.runs) }) });
  const [command, ...ids] = positionals;
  if (command === 'list') {
    const runs = await listRuns(tracker);
    console.log(runs.length === 0 ? `no runs in ${resolve(values.runs)}` : formatRunList(runs));
  } else if (command === 'compare' && ids.length === 2) {
    const [a, b] = [await getRun(tracker, ids[0]!), await getRun(tracker, ids[1]!)];
    console.log(
      formatRunComparison(compareRuns(a.record, b.record), [ids[0]!, ids[1]!], { all: values.all }),
    );
  } else {
    throw new Error('usage: runs list | runs compare <runId> <runId> [--all] [--runs <folder>]');
  }
} catch (error) {
  console.error(`[runs] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
