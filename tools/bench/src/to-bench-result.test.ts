import { describe, expect, it } from 'vitest';
import { fixtureSuite } from '../test/fixture-suite.js';
import { formatTable } from './format-table.js';
import { renderBenchmarksDoc } from './render-benchmarks-doc.js';
import { toBenchResult } from './to-bench-result.js';
import type { SideOutcome } from './types.js';

const workload = fixtureSuite.workloads[0]!;
const measuredAt = '2026-01-02T03:04:05.000Z';
const machine = '2 cores · linux x64 · Node v20.20.2';
const measured = (seconds: number, rows = 1000, peakRssMb = 100.4): SideOutcome => ({
  kind: 'measured',
  seconds,
  rows,
  peakRssMb,
});

describe('toBenchResult', () => {
  it('puts fti beside its peer with the ratio, the target and the verdict', () => {
    const result = toBenchResult({
      workload,
      fti: measured(1.8),
      peer: measured(1.2, 1000, 512.6),
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(result).toEqual({
      workload: 'allocate',
      metric: 'wall time',
      value: 1.8,
      unit: 's',
      peer: 'peer: count',
      peerValue: 1.2,
      ratio: 1.5,
      target: 1.5,
      pass: true,
      peakRssMb: 100,
      peerPeakRssMb: 513,
      rows: 1000,
      note: null,
      measuredAt,
      machine,
    });
    expect(
      toBenchResult({ workload, fti: measured(1.9), peer: measured(1.2), rows: 1000, measuredAt, machine }),
    ).toMatchObject({ ratio: 1.58, pass: false });
  });

  it('fails a load test whose p99 is above the peer’s times maxP99Ratio, and records both latencies', () => {
    const loadTest = { ...workload, latency: { maxP99Ratio: 1 } };
    const withLatency = (seconds: number, p50: number, p99: number): SideOutcome => ({
      ...(measured(seconds) as Extract<SideOutcome, { kind: 'measured' }>),
      latencyMs: { p50, p99 },
    });
    const fast = toBenchResult({
      workload: loadTest,
      fti: withLatency(1, 5, 20),
      peer: withLatency(2, 20, 80),
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(fast).toMatchObject({
      ratio: 0.5,
      pass: true,
      latency: { p50Ms: 5, p99Ms: 20, peerP50Ms: 20, peerP99Ms: 80, maxP99Ratio: 1, pass: true },
      note: 'latency: fti p50 5.00 ms, p99 20.00 ms; peer p50 20.00 ms, p99 80.00 ms (p99 within target)',
    });
    const slowTail = toBenchResult({
      workload: loadTest,
      fti: withLatency(1, 5, 90),
      peer: withLatency(2, 20, 80),
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(slowTail).toMatchObject({ ratio: 0.5, pass: false, latency: { pass: false } });
  });

  it('leaves ratio and verdict null when a side did not run, saying why', () => {
    const pending = toBenchResult({
      workload,
      fti: { kind: 'pending', reason: 'fti: append 10M rows is not implemented yet' },
      peer: measured(1.2),
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(pending).toMatchObject({ value: null, peerValue: 1.2, ratio: null, pass: null, peakRssMb: null });
    expect(pending.note).toBe('fti pending: fti: append 10M rows is not implemented yet');
    const missingPeer = toBenchResult({
      workload,
      fti: measured(1),
      peer: { kind: 'unavailable', reason: 'python3-pandas is not installed' },
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(missingPeer).toMatchObject({
      value: 1,
      peerValue: null,
      ratio: null,
      pass: null,
      peerPeakRssMb: null,
    });
    expect(missingPeer.note).toBe('peer unavailable: python3-pandas is not installed');
  });

  it('passes only when both sides reach the same quality within tolerance, noting both values', () => {
    const judged = { ...workload, quality: { metric: 'holdout ROC AUC', tolerance: 0.005 } };
    const withQuality = (seconds: number, quality: number): SideOutcome => ({
      kind: 'measured',
      seconds,
      rows: 1000,
      peakRssMb: 100,
      quality,
    });
    const same = toBenchResult({
      workload: judged,
      fti: withQuality(1.2, 0.9514),
      peer: withQuality(1, 0.9512),
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(same).toMatchObject({
      ratio: 1.2,
      pass: true,
      note: 'holdout ROC AUC: fti 0.9514, peer 0.9512 (same within 0.005)',
      quality: { metric: 'holdout ROC AUC', value: 0.9514, peerValue: 0.9512, tolerance: 0.005, pass: true },
    });
    const worse = toBenchResult({
      workload: judged,
      fti: withQuality(1.2, 0.94),
      peer: withQuality(1, 0.9512),
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(worse).toMatchObject({ ratio: 1.2, pass: false, quality: { pass: false } });
    expect(worse.note).toBe('holdout ROC AUC: fti 0.9400, peer 0.9512 (DIFFERENT within 0.005)');
    expect(
      toBenchResult({ workload, fti: measured(1.2), peer: measured(1), rows: 1000, measuredAt, machine }),
    ).not.toHaveProperty('quality');
  });

  it('fails a fast fti side that did not produce the rows the peer did', () => {
    const result = toBenchResult({
      workload,
      fti: measured(0.1, 999),
      peer: measured(1, 1000),
      rows: 1000,
      measuredAt,
      machine,
    });
    expect(result).toMatchObject({ ratio: 0.1, pass: false, note: 'row counts differ: fti 999, peer 1000' });
  });
});

describe('formatTable and renderBenchmarksDoc', () => {
  const results = [
    toBenchResult({
      workload,
      fti: measured(1.8),
      peer: measured(1.2, 1000, 512.6),
      rows: 1000,
      measuredAt,
      machine,
    }),
    toBenchResult({
      workload: fixtureSuite.workloads[1]!,
      fti: { kind: 'pending', reason: 'fti: pending workload is not implemented yet' },
      peer: measured(0.25),
      rows: 1000,
      measuredAt,
      machine,
    }),
  ];

  it('prints one aligned row per workload with values, ratio, verdict and RSS', () => {
    const lines = formatTable(results).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]!.split(/\s{2,}/)).toEqual([
      'allocate',
      '1.80 s',
      'peer: count',
      '1.20 s',
      '1.50x',
      '≤ 1.5x',
      'yes',
      '100 MiB',
      '513 MiB',
    ]);
    expect(lines[3]!.split(/\s{2,}/)).toEqual([
      'pending',
      '–',
      'peer: noop',
      '0.25 s',
      '–',
      '≤ 1.5x',
      'skipped',
      '–',
      '100 MiB',
    ]);
  });

  it('renders the docs page deterministically, one section per suite, with notes', () => {
    const doc = renderBenchmarksDoc([{ name: 'fixture', results }]);
    expect(renderBenchmarksDoc([{ name: 'fixture', results }])).toBe(doc);
    expect(doc).toContain('## fixture');
    expect(doc).toContain(
      '`npm run bench -- fixture --rows 1000` · 1,000 rows · measured 2026-01-02T03:04:05.000Z',
    );
    expect(doc).toContain(
      '| allocate | 1.80 s | peer: count | 1.20 s | 1.50x | ≤ 1.5x | yes | 100 MiB | 513 MiB |',
    );
    expect(doc).toContain('| pending | – | peer: noop | 0.25 s | – | ≤ 1.5x | not measured | – | 100 MiB |');
    expect(doc).toContain('- `pending`: fti pending: fti: pending workload is not implemented yet');
    expect(renderBenchmarksDoc([])).toContain('No results yet');
  });
});
