import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createAwsClients,
  formatStoreLocation,
  openObjectStore,
  planJobStorage,
  resolveStoreLocation,
  StoreLocationSchema,
} from '@fti/job-storage';
import { compareRuns, getRun, listRuns, openRunTracker } from '@fti/training-pipeline';
import { formatRunComparison, formatRunList } from './format-runs-table.js';

// `npx nx run training:runs -- list [--runs .fti/runs | s3://bucket/runs] [--storage f]` / `... -- compare <id> <id> [--all]`
// (`--storage` gives the AWS region and endpoint of an s3:// runs location).
try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '.fti/runs' },
      storage: { type: 'string' },
      all: { type: 'boolean', default: false },
    },
  });
  const location = resolveStoreLocation(StoreLocationSchema.parse(values.runs), resolve('.'));
  const { aws } = await planJobStorage({ storageFile: values.storage || undefined });
  const store = openObjectStore(location, {
    s3: () => createAwsClients(aws).s3,
    cacheDir: join(tmpdir(), 'fti-runs-cache'),
  });
  const tracker = openRunTracker({ store });
  const [command, ...ids] = positionals;
  if (command === 'list') {
    const runs = await listRuns(tracker);
    console.log(runs.length === 0 ? `no runs in ${formatStoreLocation(location)}` : formatRunList(runs));
  } else if (command === 'compare' && ids.length === 2) {
    const [a, b] = [await getRun(tracker, ids[0]!), await getRun(tracker, ids[1]!)];
    console.log(
      formatRunComparison(compareRuns(a.record, b.record), [ids[0]!, ids[1]!], { all: values.all }),
    );
  } else {
    throw new Error(
      'usage: runs list | runs compare <runId> <runId> [--all] [--runs <folder|s3://…>] [--storage <file>]',
    );
  }
} catch (error) {
  console.error(`[runs] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
