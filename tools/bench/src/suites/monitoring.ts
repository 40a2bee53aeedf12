// The monitoring suite (issue 6, "Speed"): `npm run bench -- monitoring [--rows 1000000]`.
// KS and PSI on 50 numeric features, reference against current (rows per side, at most 1M), fti against
// SciPy's ks_2samp + NumPy PSI in the same run; then every default numeric test together.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  buildNumericProfile,
  computeNumericDrift,
  type DriftMethod,
  type NumericProfile,
  parseProfile,
  prepareNumericSample,
  type SerializedColumnProfile,
  serializeProfile,
} from '@fti/monitoring';
import { pythonModuleUnavailable } from '../python-module-unavailable.js';
import type { SideContext, SideRun, Suite } from '../types.js';

const FEATURES = 50;
const MAX_ROWS = 1_000_000;
const SEED = 6;
const PYTHON = '/usr/bin/python3';
const PEER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'monitoring-peer.py');

/** Rows per side: the run's --rows, at most 1M (the size; the harness default is 10M). */
function rowsPerSide(rows: number): number {
  return Math.min(rows, MAX_ROWS);
}

// ─── data ──────────────────────────────────────────────────────────────────────────────────────────────

/** Seeded uniform [0, 1) (mulberry32). */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `features` column-major float64 columns of `rows` values: feature f is normal with mean f/10 and
 * std 1 + f/50, rounded to 4 decimals (ties, like real data); `shift` moves every 5th feature's mean.
 */
async function writeColumns(file: string, rows: number, seed: number, shift: number): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w');
  const rand = uniform(seed);
  const column = new Float64Array(rows);
  try {
    for (let f = 0; f < FEATURES; f++) {
      const mean = f / 10 + (f % 5 === 0 ? shift : 0);
      const std = 1 + f / 50;
      for (let i = 0; i < rows; i++) {
        const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
        column[i] = Math.round((mean + std * z) * 1e4) / 1e4;
      }
      await handle.write(new Uint8Array(column.buffer));
    }
  } finally {
    await handle.close();
  }
  renameSync(partial, file);
}

async function readColumns(file: string, rows: number): Promise<Float64Array[]> {
  const bytes = await readFile(file);
  const all = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  return Array.from({ length: FEATURES }, (_, f) => all.subarray(f * rows, (f + 1) * rows));
}

// ─── fti side ──────────────────────────────────────────────────────────────────────────────────────────

interface FtiState {
  rows: number;
  /** The stored profiles as they sit in the object store (JSON text): the product path. */
  stored: string;
  reference: Float64Array[];
  current: Float64Array[];
}

/** Untimed: both sides in memory, and the reference profiles built and serialised once (as a run stores them). */
async function ftiSetup(context: SideContext): Promise<FtiState> {
  const rows = rowsPerSide(context.rows);
  const reference = await readColumns(context.data.reference!, rows);
  const current = await readColumns(context.data.current!, rows);
  const profiles = reference.map((column) => serializeProfile(buildNumericProfile(column)));
  return { rows, stored: JSON.stringify(profiles), reference, current };
}

function score(profiles: NumericProfile[], current: Float64Array[], methods: DriftMethod[]): number {
  let checksum = 0;
  profiles.forEach((profile, f) => {
    const sample = prepareNumericSample(current[f]!);
    for (const method of methods)
      checksum += computeNumericDrift(profile, sample, { column: `f${f}`, method }).score ?? 0;
  });
  return checksum;
}

/** fti, product path: parse the stored profiles, then KS and PSI of each current column against its profile. */
async function ftiFromProfiles(_context: SideContext, state: FtiState): Promise<SideRun> {
  const profiles = (JSON.parse(state.stored) as SerializedColumnProfile[]).map(
    (p) => parseProfile(p) as NumericProfile,
  );
  score(profiles, state.current, ['ks', 'psi']);
  return { rows: FEATURES * state.rows * 2 };
}

/** fti, raw path: profile the raw reference (sort, moments, histogram) inside the timing, then KS and PSI. */
async function ftiRaw(_context: SideContext, state: FtiState): Promise<SideRun> {
  score(
    state.reference.map((column) => buildNumericProfile(column)),
    state.current,
    ['ks', 'psi'],
  );
  return { rows: FEATURES * state.rows * 2 };
}

/** fti: every default numeric test together (KS, Wasserstein / std, PSI, Jensen-Shannon) from stored profiles. */
async function ftiAllTests(_context: SideContext, state: FtiState): Promise<SideRun> {
  const profiles = (JSON.parse(state.stored) as SerializedColumnProfile[]).map(
    (p) => parseProfile(p) as NumericProfile,
  );
  score(profiles, state.current, ['ks', 'wasserstein', 'psi', 'jensenshannon']);
  return { rows: FEATURES * state.rows * 2 };
}

// ─── SciPy peer ────────────────────────────────────────────────────────────────────────────────────────

interface PeerState {
  child: ChildProcessWithoutNullStreams;
  lines: AsyncIterator<string>;
}

/** Untimed: start Python, load both files with NumPy and import SciPy; it then waits for "go". */
function peerSetup(mode: 'ks-psi' | 'all') {
  return async (context: SideContext): Promise<PeerState> => {
    const rows = rowsPerSide(context.rows);
    const child = spawn(PYTHON, [
      PEER_SCRIPT,
      context.data.reference!,
      context.data.current!,
      String(FEATURES),
      String(rows),
      mode,
    ]);
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.value !== 'ready') throw new Error(`the SciPy peer did not start: ${String(first.value)}`);
    return { child, lines };
  };
}

/** Timed: SciPy/NumPy work only (the process was started and the data loaded in setup). */
async function peerRun(_context: SideContext, state: PeerState): Promise<SideRun> {
  state.child.stdin.write('go\n');
  const line = await state.lines.next();
  const [word, rows, peakKib] = String(line.value).split(' ');
  if (word !== 'done') throw new Error(`the SciPy peer failed: ${String(line.value)}`);
  state.child.stdin.end();
  // The harness records this Node process's RSS; print Python's own peak so it is on record too.
  console.error(`  SciPy peer peak RSS ${Math.round(Number(peakKib) / 1024)} MiB`);
  return { rows: Number(rows) };
}

const peerUnavailable = () => pythonModuleUnavailable({ modules: ['numpy', 'scipy'], python: PYTHON });

/** The monitoring suite: KS + PSI from stored profiles (product path) and from raw data, then all default tests. */
export const monitoringSuite: Suite = {
  name: 'monitoring',
  module: import.meta.url,
  async prepare({ rows, dataDir, log }) {
    mkdirSync(dataDir, { recursive: true });
    const n = rowsPerSide(rows);
    const files = {
      reference: path.join(dataDir, `monitoring-reference-${FEATURES}x${n}-seed${SEED}.f64`),
      current: path.join(dataDir, `monitoring-current-${FEATURES}x${n}-seed${SEED + 1}.f64`),
    };
    log(`reference: ${FEATURES} numeric features × ${n.toLocaleString('en-US')} rows`);
    await writeColumns(files.reference, n, SEED, 0);
    log(
      `current: ${FEATURES} numeric features × ${n.toLocaleString('en-US')} rows (every 5th feature shifted by 0.05)`,
    );
    await writeColumns(files.current, n, SEED + 1, 0.05);
    return files;
  },
  workloads: [
    {
      name: 'ks-psi-profiles',
      title: 'KS + PSI on 50 numeric features, current (1M rows) against stored reference profiles (1M rows)',
      metric: 'wall time',
      unit: 's',
      target: 0.25,
      fti: { label: 'fti: parse stored profiles, KS + PSI', setup: ftiSetup, run: ftiFromProfiles },
      peer: {
        label: 'SciPy ks_2samp + NumPy PSI (raw data)',
        unavailable: peerUnavailable,
        setup: peerSetup('ks-psi'),
        run: peerRun,
      },
    },
    {
      name: 'ks-psi-raw',
      title: 'KS + PSI on 50 numeric features from raw reference and current columns (1M rows each)',
      metric: 'wall time',
      unit: 's',
      target: 0.25,
      fti: { label: 'fti: profile raw reference, KS + PSI', setup: ftiSetup, run: ftiRaw },
      peer: {
        label: 'SciPy ks_2samp + NumPy PSI (raw data)',
        unavailable: peerUnavailable,
        setup: peerSetup('ks-psi'),
        run: peerRun,
      },
    },
    {
      name: 'all-default-tests',
      title: 'KS, Wasserstein/std, PSI and Jensen-Shannon on 50 numeric features (1M rows each side)',
      metric: 'wall time',
      unit: 's',
      target: 0.25,
      fti: { label: 'fti: stored profiles, 4 tests', setup: ftiSetup, run: ftiAllTests },
      peer: {
        label: 'SciPy ks_2samp + wasserstein_distance + jensenshannon + NumPy PSI',
        unavailable: peerUnavailable,
        setup: peerSetup('all'),
        run: peerRun,
      },
    },
  ],
};
