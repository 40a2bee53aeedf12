import { MonitoringConfigSchema } from '@fti/monitoring';
import { describe, expect, test } from 'vitest';
import { parseCliArgs } from './cli-args.js';
import { slideMonths } from './slide-months.js';

describe('slideMonths', () => {
  test('three months ending in November 2011, each against the month before', () => {
    const config = MonitoringConfigSchema.parse({
      job: 'retail',
      reference: {
        kind: 'table',
        table: 'retail.transactions',
        window: { column: 'd', from: '2011-09-01', to: '2011-10-01' },
      },
      current: {
        kind: 'table',
        table: 'retail.transactions',
        window: { column: 'd', from: '2011-11-01', to: '2011-12-01' },
      },
    });
    const runs = slideMonths(config, 3).map((c) => [
      c.reference.kind === 'table' ? `${c.reference.window?.from}..${c.reference.window?.to}` : '',
      `${c.current.window?.from}..${c.current.window?.to}`,
    ]);
    expect(runs).toEqual([
      ['2011-08-01..2011-09-01', '2011-09-01..2011-10-01'],
      ['2011-09-01..2011-10-01', '2011-10-01..2011-11-01'],
      ['2011-10-01..2011-11-01', '2011-11-01..2011-12-01'],
    ]);
    expect(slideMonths(config, 1)).toEqual([config]);
  });
});

describe('parseCliArgs', () => {
  test('defaults, --key=value, and a clear error', () => {
    expect(parseCliArgs(['--', '--months=3', '--now', '2011-12-01'])).toEqual({
      config: 'examples/online-retail/monitoring-job.yaml',
      now: '2011-12-01',
      months: 3,
    });
    // Storage flags are optional overrides of the job file's storage fields.
    expect(parseCliArgs(['--registry', 'r', '--warehouse=w'])).toMatchObject({
      registry: 'r',
      warehouse: 'w',
    });
    expect(() => parseCliArgs(['--months', '0'])).toThrow(/invalid arguments/);
  });
});
