import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { createProgressPrinter } from './progress-printer.js';
import { runFeatureJob } from './run-feature-job.js';

const EXAMPLE = resolve(import.meta.dirname, '../../../examples/online-retail/feature-job.yaml');
const PARQUET = resolve(import.meta.dirname, '../../../examples/online-retail/data/online_retail.parquet');

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fti-feature-job-'));
  dirs.push(dir);
  return dir;
};
const capture = () => {
  let text = '';
  return {
    out: {
      write: (t: string) => {
        text += t;
      },
      isTTY: false,
    },
    text: () => text,
  };
};

describe('the feature job', () => {
  it('runs the Online Retail example for one date and prints where it committed what', async () => {
    const dir = await temp();
    const { out, text } = capture();
    const summaryFile = join(dir, 'summary.json');
    const result = await runFeatureJob(
      [
        '--config',
        EXAMPLE,
        '--date',
        '2011-09-10',
        '--run-date',
        '2012-01-01',
        '--warehouse',
        join(dir, 'w'),
        '--summary-json',
        summaryFile,
      ],
      out,
    );
    expect(result.exitCode).toBe(0);
    expect(result.summary?.rowsPerDate).toEqual({ '2011-09-10': 3412 });
    expect(result.summary?.labels).toMatchObject({ table: 'labels.customer_labels_v1', rows: 3412 });
    expect(result.summary?.quarantine).toMatchObject({
      table: 'quarantine.customer_features_v1',
      rows: 5268,
    });
    expect(text()).toContain(
      `features → features.customer_features_v1 @ ${result.summary?.features.snapshotId}: 3412 rows (2011-09-10: 3412)`,
    );
    expect(text()).toContain('[feature] transform: 1 feature dates computed');
    const written = JSON.parse(await readFile(summaryFile, 'utf8'));
    expect(written.validation.expectations).toHaveLength(12);
    expect(written.validation.passed).toBe(true);
  });

  it('exits 1 and commits nothing when strict validation rejects the input', async () => {
    const dir = await temp();
    const config = join(dir, 'strict.json');
    await writeFile(
      config,
      JSON.stringify({
        warehouse: { kind: 'local', path: 'w' },
        sources: [{ kind: 'parquet', name: 'online_retail', path: PARQUET }],
        features: { module: '@fti/feature-pipeline/examples/online-retail', export: 'onlineRetailFeatures' },
        dates: { date: '2011-09-10' },
        validation: { policy: 'strict' },
      }),
    );
    const { out, text } = capture();
    const result = await runFeatureJob(['--config', config], out);
    expect(result.exitCode).toBe(1);
    expect(text()).toMatch(
      /failed validation \(policy strict\): input nullEntityKey \(135080 rows\); nothing was committed/,
    );
    await expect(
      readFile(join(dir, 'w', 'features', 'customer_features_v1', 'metadata', 'version-hint.text')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('names a bad config field and bad arguments', async () => {
    const dir = await temp();
    const config = join(dir, 'bad.yaml');
    await writeFile(
      config,
      'features: { module: x, export: y }\ndates: { date: "2011-02-30" }\nsources: []\n',
    );
    const { out, text } = capture();
    expect((await runFeatureJob(['--config', config], out)).exitCode).toBe(1);
    expect(text()).toMatch(/is not a calendar date[\s\S]*dates/);
    expect(() =>
      parseCliArgs([
        '--config',
        'a.yaml',
        '--date',
        '2011-01-01',
        '--from',
        '2011-01-01',
        '--to',
        '2011-02-01',
      ]),
    ).toThrow(/give --date or --from\/--to, not both/);
    expect(
      parseCliArgs(['--config', 'a.yaml', '--from', '2011-01-02', '--to', '2011-02-27', '--every', '7']),
    ).toMatchObject({
      from: '2011-01-02',
      every: 7,
    });
  });
});

describe('createProgressPrinter', () => {
  const events = [
    { stage: 'transform', step: 2, steps: 5, message: 'computing' },
    { stage: 'transform', step: 2, steps: 5, message: '2011-01-02: 5 rows', date: '2011-01-02', rows: 5 },
    { stage: 'validate', step: 3, steps: 5, message: '2 expectations, 0 failed' },
    { stage: 'done', step: 5, steps: 5, message: 'committed' },
  ] as const;

  it('redraws one bar on a terminal', () => {
    let text = '';
    const printer = createProgressPrinter({
      write: (t) => {
        text += t;
      },
      isTTY: true,
    });
    for (const e of events) printer.onProgress(e);
    expect(text.split('\r\x1b[2K').at(-1)).toBe('[####################] 5/5 done: committed\n');
    expect(text).toContain('[########------------] 2/5 transform: 2011-01-02: 5 rows');
  });

  it('prints one line per stage elsewhere, per-date reports folded into a count', () => {
    let text = '';
    const printer = createProgressPrinter({
      write: (t) => {
        text += t;
      },
      isTTY: false,
    });
    for (const e of events) printer.onProgress(e);
    expect(text.split('\n')).toEqual([
      '[feature] transform: computing',
      '[feature] transform: 1 feature dates computed',
      '[feature] validate: 2 expectations, 0 failed',
      '[feature] done: committed',
      '',
    ]);
  });
});
