/** What a side of a workload receives in its own process. */
export interface SideContext {
  /** Rows of the main data set (10M by default). */
  rows: number;
  /** Files prepared by the suite (absolute paths by name), e.g. `transactions`, `features`, `spine`. */
  data: Record<string, string>;
  /** A fresh empty folder for this side's output; removed after the side finishes. */
  workDir: string;
}

/** What a side's timed part reports, so both sides can be checked to have done the same work. */
export interface SideRun {
  /** Rows written, read or joined. */
  rows: number;
  /** Quality of the side's result (e.g. holdout ROC AUC), compared across sides when the workload sets `quality`. */
  quality?: number;
  /** Request latency percentiles of a load test (serving workloads), ms. */
  latencyMs?: { p50: number; p99: number };
  /** Peak RSS of the process(es) doing the work when the side started them (a server), MiB; default this process's. */
  peakRssMb?: number;
}

/** One way of doing a workload: fti's, or a peer's (DuckDB, pandas, ...). */
export interface WorkloadSide<State = unknown> {
  /** Shown in tables and docs, e.g. `DuckDB COPY TO parquet (zstd)`. */
  label: string;
  /** Says why this side cannot run on this machine (a missing tool), or undefined when it can. Checked in the parent. */
  unavailable?: () => Promise<string | undefined>;
  /** Untimed preparation in the side's process (open a connection, write a table to read). */
  setup?: (context: SideContext) => Promise<State>;
  /** The timed work. Throw `NotImplementedYet` while the fti side is still to be written. */
  run: (context: SideContext, state: State) => Promise<SideRun>;
  /**
   * Untimed, after `run`, in the side's process: asserts the side's result is right (e.g. equal to a
   * reference to 1e-9); a throw turns the measurement into a failure. Default none.
   */
  check?: (context: SideContext, state: State, run: SideRun) => Promise<void>;
}

/** A workload measured on fti and on a peer in the same run. */
export interface Workload {
  /** Short id used on the command line and in results, e.g. `append`. */
  name: string;
  /** One line saying what is measured. */
  title: string;
  /** What `value` measures. */
  metric: 'wall time';
  /** Unit of `value` and `peerValue`. */
  unit: 's';
  /** Largest acceptable fti/peer ratio, e.g. 1.5. */
  target: number;
  /** Both sides must report `quality` within `tolerance` of each other for the line to pass (e.g. ROC AUC). */
  quality?: { metric: string; tolerance: number };
  /** Load tests: both sides report `latencyMs`; the line passes only if fti's p99 ≤ `maxP99Ratio` × the peer's. */
  latency?: { maxP99Ratio: number };
  // biome-ignore lint/suspicious/noExplicitAny: each side carries its own setup state type.
  fti: WorkloadSide<any>;
  // biome-ignore lint/suspicious/noExplicitAny: each side carries its own setup state type.
  peer: WorkloadSide<any>;
}

/** A named list of workloads over data the suite prepares once per run. */
export interface Suite {
  /** Name on the command line and of `bench-results/<name>.json`. */
  name: string;
  /** URL of the module exporting this suite (`import.meta.url`): each side's process imports it from there. */
  module: string;
  /** Rows when `--rows` is not given; default 10,000,000. */
  defaultRows?: number;
  /** Untimed, in the parent process: writes (or reuses) the input files and returns their paths by name. */
  prepare: (options: {
    rows: number;
    dataDir: string;
    log: (line: string) => void;
  }) => Promise<Record<string, string>>;
  workloads: Workload[];
}

/** One side's measurement, sent by the side's process to the parent. */
export type SideOutcome =
  | {
      kind: 'measured';
      seconds: number;
      rows: number;
      peakRssMb: number;
      quality?: number;
      latencyMs?: { p50: number; p99: number };
    }
  | { kind: 'pending'; reason: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'failed'; reason: string };

/** One line of `bench-results/<suite>.json`. */
export interface BenchResult {
  workload: string;
  metric: string;
  /** fti's measurement, null when the fti side did not run. */
  value: number | null;
  unit: string;
  /** The peer's label. */
  peer: string;
  /** The peer's measurement in the same run, null when the peer is missing here. */
  peerValue: number | null;
  /** value / peerValue, null unless both ran. */
  ratio: number | null;
  /** Largest acceptable ratio. */
  target: number;
  /** ratio <= target, null unless both ran. */
  pass: boolean | null;
  /** Peak resident set of fti's process, MiB. */
  peakRssMb: number | null;
  /** Peak resident set of the peer's process, MiB. */
  peerPeakRssMb: number | null;
  /** Rows of the main data set. */
  rows: number;
  /** Why a side did not run, when one did not; the quality comparison when the workload has one. */
  note: string | null;
  /** The quality check of workloads that declare one: each side's value (null when it did not run). */
  quality?: {
    metric: string;
    value: number | null;
    peerValue: number | null;
    tolerance: number;
    pass: boolean | null;
  };
  /** Load tests: each side's p50 and p99 request latency (ms, null when it did not run), and whether fti's p99 is within target. */
  latency?: {
    p50Ms: number | null;
    p99Ms: number | null;
    peerP50Ms: number | null;
    peerP99Ms: number | null;
    maxP99Ratio: number;
    pass: boolean | null;
  };
  /** ISO time of the run. */
  measuredAt: string;
  /** The machine it ran on, e.g. `2 cores · linux x64 · Node v20.20.2`. */
  machine: string;
}
