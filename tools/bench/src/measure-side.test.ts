import { describe, expect, it } from 'vitest';
import { ALLOCATED_MB, fixtureSuite } from '../test/fixture-suite.js';
import { measureSide } from './measure-side.js';
import type { Workload } from './types.js';

function workload(name: string): Workload {
  return fixtureSuite.workloads.find((candidate) => candidate.name === name)!;
}

describe('measureSide', () => {
  it('measures each side in its own process: rows, a duration and that process’s own peak RSS', async () => {
    const data = { marker: 'rows=1234' };
    const fti = await measureSide({
      suite: fixtureSuite,
      workload: workload('allocate'),
      side: 'fti',
      rows: 1234,
      data,
    });
    const peer = await measureSide({
      suite: fixtureSuite,
      workload: workload('allocate'),
      side: 'peer',
      rows: 1234,
      data,
    });
    expect(fti).toMatchObject({ kind: 'measured', rows: 1234 });
    expect(peer).toMatchObject({ kind: 'measured', rows: 1234 });
    if (fti.kind !== 'measured' || peer.kind !== 'measured') throw new Error('unreachable');
    expect(fti.seconds).toBeGreaterThan(0);
    expect(fti.peakRssMb).toBeGreaterThanOrEqual(ALLOCATED_MB);
    expect(fti.peakRssMb - peer.peakRssMb).toBeGreaterThan(ALLOCATED_MB * 0.8);
  });

  it('reports a side that is not implemented yet as pending, with its name', async () => {
    const outcome = await measureSide({
      suite: fixtureSuite,
      workload: workload('pending'),
      side: 'fti',
      rows: 1,
      data: {},
    });
    expect(outcome).toEqual({ kind: 'pending', reason: 'fti: pending workload is not implemented yet' });
  });

  it('reports a throwing side as failed with its error, and a missing peer as unavailable', async () => {
    const crash = await measureSide({
      suite: fixtureSuite,
      workload: workload('crash'),
      side: 'fti',
      rows: 1,
      data: {},
    });
    expect(crash.kind).toBe('failed');
    expect(crash.kind === 'failed' && crash.reason).toContain('boom in the fti side');
    const missing = await measureSide({
      suite: fixtureSuite,
      workload: workload('crash'),
      side: 'peer',
      rows: 1,
      data: {},
    });
    expect(missing).toEqual({
      kind: 'unavailable',
      reason: 'python3-pandas is not installed (apt-get install python3-pandas)',
    });
  });
});
