import type { BenchResult, SideOutcome, Workload } from './types.js';

/**
 * Combines the two sides' outcomes of one workload into a result line: the ratio fti/peer and whether it
 * meets the workload's target, both null unless both sides were measured. Sides that disagree on the row
 * count did not do the same work, so the line does not pass.
 */
export function toBenchResult(options: {
  workload: Workload;
  fti: SideOutcome;
  peer: SideOutcome;
  rows: number;
  measuredAt: string;
  machine: string;
}): BenchResult {
  const { workload, fti, peer, rows, measuredAt, machine } = options;
  const value = fti.kind === 'measured' ? round(fti.seconds, 3) : null;
  const peerValue = peer.kind === 'measured' ? round(peer.seconds, 3) : null;
  const ratio = value !== null && peerValue !== null && peerValue > 0 ? round(value / peerValue, 2) : null;
  const rowsDiffer = fti.kind === 'measured' && peer.kind === 'measured' && fti.rows !== peer.rows;
  const quality = compareQuality(workload, fti, peer);
  const latency = compareLatency(workload, fti, peer);
  const notes = [
    fti.kind === 'measured' ? undefined : `fti ${fti.kind}: ${fti.reason}`,
    peer.kind === 'measured' ? undefined : `peer ${peer.kind}: ${peer.reason}`,
    rowsDiffer ? `row counts differ: fti ${fti.rows}, peer ${peer.rows}` : undefined,
    quality?.note,
    latency?.note,
  ].filter((note) => note !== undefined);
  return {
    workload: workload.name,
    metric: workload.metric,
    value,
    unit: workload.unit,
    peer: workload.peer.label,
    peerValue,
    ratio,
    target: workload.target,
    pass:
      ratio === null
        ? null
        : ratio <= workload.target &&
          !rowsDiffer &&
          quality?.result.pass !== false &&
          latency?.result.pass !== false,
    peakRssMb: fti.kind === 'measured' ? Math.round(fti.peakRssMb) : null,
    peerPeakRssMb: peer.kind === 'measured' ? Math.round(peer.peakRssMb) : null,
    rows,
    note: notes.length > 0 ? notes.join('; ') : null,
    measuredAt,
    machine,
    ...(quality ? { quality: quality.result } : {}),
    ...(latency ? { latency: latency.result } : {}),
  };
}

/** The latency comparison of a load-test workload: each side's p50/p99, and whether fti's p99 is within target. */
function compareLatency(
  workload: Workload,
  fti: SideOutcome,
  peer: SideOutcome,
): { result: NonNullable<BenchResult['latency']>; note: string } | undefined {
  if (!workload.latency) return undefined;
  const own = fti.kind === 'measured' ? fti.latencyMs : undefined;
  const other = peer.kind === 'measured' ? peer.latencyMs : undefined;
  const { maxP99Ratio } = workload.latency;
  const pass = own && other ? own.p99 <= maxP99Ratio * other.p99 : null;
  const show = (v: { p50: number; p99: number } | undefined) =>
    v ? `p50 ${v.p50.toFixed(2)} ms, p99 ${v.p99.toFixed(2)} ms` : '–';
  return {
    result: {
      p50Ms: own?.p50 ?? null,
      p99Ms: own?.p99 ?? null,
      peerP50Ms: other?.p50 ?? null,
      peerP99Ms: other?.p99 ?? null,
      maxP99Ratio,
      pass,
    },
    note: `latency: fti ${show(own)}; peer ${show(other)} (${pass === null ? 'not compared' : pass ? 'p99 within target' : 'p99 ABOVE target'})`,
  };
}

/** The quality comparison of a workload that declares one: both values, and whether they agree within tolerance. */
function compareQuality(
  workload: Workload,
  fti: SideOutcome,
  peer: SideOutcome,
): { result: NonNullable<BenchResult['quality']>; note: string } | undefined {
  if (!workload.quality) return undefined;
  const { metric, tolerance } = workload.quality;
  const value = fti.kind === 'measured' ? (fti.quality ?? null) : null;
  const peerValue = peer.kind === 'measured' ? (peer.quality ?? null) : null;
  const pass = value === null || peerValue === null ? null : Math.abs(value - peerValue) <= tolerance;
  const show = (v: number | null) => (v === null ? '–' : v.toFixed(4));
  const verdict = pass === null ? 'not compared' : pass ? 'same' : 'DIFFERENT';
  return {
    result: { metric, value, peerValue, tolerance, pass },
    note: `${metric}: fti ${show(value)}, peer ${show(peerValue)} (${verdict} within ${tolerance})`,
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
