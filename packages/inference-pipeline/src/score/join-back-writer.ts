import { loadArrowTable, quoteIdentifier, ROW_ADDRESS_COLUMNS, type TableEnv } from '@fti/feature-store';
import * as arrow from 'apache-arrow';
import { InferencePipelineError } from '../errors.js';
import { GroupWrites } from './group-writes.js';
import type { ScoredRowsSink, ScoredRowsTargets } from './scored-rows-sink.js';

/** Options of {@link JoinBackWriter}. */
export interface JoinBackWriterOptions {
  env: TableEnv;
  /**
   * The scored input as a DuckDB relation with each row's address (`__fti_file`, `__fti_row`, see
   * `snapshotRelation`'s `rowAddress`): the rows' other columns are read back from it, not from JS.
   */
  relation: string;
  /** SQL select lists of the two tables over the input's columns plus `__entity_hash` and `__score`. */
  predictionsSelect: string;
  logSelect: string;
  /** Rows per data file: scored rows are buffered to this size, then written; default 262,144. */
  fileRows?: number;
  /** Opens the target tables' writers, once, when the first rows are written. */
  open: () => Promise<ScoredRowsTargets>;
}

/** Growable typed-array columns of the scored rows of one file group. */
class ScoredColumns {
  files = new Int32Array(0);
  rows = new BigInt64Array(0);
  hashes = new Uint32Array(0);
  scores = new Float64Array(0);
  length = 0;

  /** Appends the `selected` rows (every row when `undefined`) of a batch's columns and their scores. */
  push(
    files: Int32Array,
    rows: BigInt64Array,
    hashes: Uint32Array,
    scores: Float64Array,
    selected: Uint32Array | undefined,
  ): void {
    const need = this.length + scores.length;
    if (need > this.files.length) {
      const capacity = Math.max(need, this.files.length * 2, 65_536);
      this.files = grow(this.files, new Int32Array(capacity), this.length);
      this.rows = grow(this.rows, new BigInt64Array(capacity), this.length);
      this.hashes = grow(this.hashes, new Uint32Array(capacity), this.length);
      this.scores = grow(this.scores, new Float64Array(capacity), this.length);
    }
    this.scores.set(scores, this.length);
    if (selected) {
      for (let i = 0, at = this.length; i < selected.length; i++, at++) {
        const row = selected[i]!;
        this.files[at] = files[row]!;
        this.rows[at] = rows[row]!;
        this.hashes[at] = hashes[row]!;
      }
    } else {
      this.files.set(files.subarray(0, scores.length), this.length);
      this.rows.set(rows.subarray(0, scores.length), this.length);
      this.hashes.set(hashes.subarray(0, scores.length), this.length);
    }
    this.length = need;
  }
}

function grow<T extends Int32Array | BigInt64Array | Uint32Array | Float64Array>(
  from: T,
  to: T,
  length: number,
): T {
  to.set(from.subarray(0, length) as never);
  return to;
}

let relationCounter = 0;

/**
 * Writes scored rows without sending their inputs back through JS: per file group, only each row's address,
 * entity hash and score go to DuckDB (24 bytes a row), and the predictions and log rows are built there by
 * joining them to the input relation, read again over just the group's files and row ranges (Parquet row
 * groups outside them are skipped). One group is written while the caller scores the next; a group whose
 * join does not give back exactly its rows fails the run rather than write a wrong table.
 */
export class JoinBackWriter implements ScoredRowsSink {
  private buffered = new ScoredColumns();
  private readonly writes: GroupWrites;

  constructor(private readonly options: JoinBackWriterOptions) {
    this.writes = new GroupWrites(options);
  }

  /** Adds one scored batch, read from the relation with its row address columns. */
  async add(
    batch: arrow.RecordBatch,
    hashes: Uint32Array,
    scores: Float64Array,
    selected: Uint32Array | undefined,
  ): Promise<void> {
    const address = (name: string) => batch.getChild(name)?.data[0]?.values;
    const files = address(ROW_ADDRESS_COLUMNS.file);
    const rows = address(ROW_ADDRESS_COLUMNS.row);
    if (!(files instanceof Int32Array) || !(rows instanceof BigInt64Array))
      throw new InferencePipelineError(
        `a scored batch lacks the row address columns ${ROW_ADDRESS_COLUMNS.file} (INTEGER) and ${ROW_ADDRESS_COLUMNS.row} (BIGINT); read it from the relation with them`,
      );
    this.buffered.push(files, rows, hashes, scores, selected);
    if (this.buffered.length >= this.writes.fileRows) await this.flush();
  }

  async finish(): Promise<ScoredRowsTargets> {
    if (this.buffered.length > 0) await this.flush();
    return this.writes.finish();
  }

  opened(): Promise<ScoredRowsTargets | undefined> {
    return this.writes.opened();
  }

  private async flush(): Promise<void> {
    const group = this.buffered;
    this.buffered = new ScoredColumns();
    await this.writes.start((targets) => this.write(group, targets));
  }

  /** Loads the group's addresses, hashes and scores into DuckDB and writes both tables' rows from the join. */
  private async write(group: ScoredColumns, targets: ScoredRowsTargets): Promise<void> {
    const { env } = this.options;
    const name = `__fti_scores_${++relationCounter}`;
    const length = group.length;
    const { file, row } = ROW_ADDRESS_COLUMNS;
    // Views of the buffers, no copy: Arrow takes typed arrays as non-null columns of their type.
    const table = arrow.tableFromArrays({
      [file]: group.files.subarray(0, length),
      [row]: group.rows.subarray(0, length),
      __entity_hash: group.hashes.subarray(0, length),
      __score: group.scores.subarray(0, length),
    });
    const scores = `temp.main.${quoteIdentifier(name)}`;
    try {
      await loadArrowTable({ db: env.db, table, tableName: name });
      const [f, r] = [quoteIdentifier(file), quoteIdentifier(row)];
      const branches = groupBranches(group);
      const input = branches
        .map((where) => `SELECT * FROM ${this.options.relation} AS t WHERE ${where}`)
        .join(' UNION ALL ');
      // Rows of one file (the usual group) join on their position alone: a one-key join costs less.
      const on = branches.length === 1 ? `t.${r} = s.${r}` : `t.${f} = s.${f} AND t.${r} = s.${r}`;
      const from = `FROM (${input}) AS t JOIN ${scores} AS s ON ${on}`;
      const { predictionsSelect, logSelect } = this.options;
      const predictions = await targets.predictions.write({
        kind: 'sql',
        sql: `SELECT ${predictionsSelect} ${from}`,
      });
      const log = await targets.log.write({ kind: 'sql', sql: `SELECT ${logSelect} ${from}` });
      for (const written of [predictions.rows, log.rows])
        if (written !== length)
          throw new InferencePipelineError(
            `joining ${length} scores back to their input rows gave ${written} rows; the input changed while it was scored, so nothing is committed`,
          );
    } finally {
      await env.db.run(`DROP TABLE IF EXISTS ${scores}`);
    }
  }
}

/**
 * Conditions on the row address that together hold for every row of the group, each simple enough for
 * DuckDB to skip the other files and row groups (an OR of them would not be pushed into the scan): the
 * first and the last file by their row range, and the files between them whole.
 */
function groupBranches(group: ScoredColumns): string[] {
  const { file, row } = ROW_ADDRESS_COLUMNS;
  const [f, r] = [quoteIdentifier(file), quoteIdentifier(row)];
  const { files, length } = group;
  // Row positions as numbers (exact below 2^53): the low and high 32-bit words of each BIGINT.
  const words = new Int32Array(group.rows.buffer, group.rows.byteOffset, length * 2);
  const position = (i: number): number => words[2 * i + 1]! * 4_294_967_296 + (words[2 * i]! >>> 0);
  let first = files[0]!;
  let last = first;
  for (let i = 1; i < length; i++) {
    const at = files[i]!;
    if (at < first) first = at;
    else if (at > last) last = at;
  }
  const range = (target: number): string => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < length; i++) {
      if (files[i] !== target) continue;
      const at = position(i);
      if (at < lo) lo = at;
      if (at > hi) hi = at;
    }
    return `${f} = ${target} AND ${r} BETWEEN ${lo} AND ${hi}`;
  };
  if (first === last) return [range(first)];
  const branches = [range(first), range(last)];
  if (last - first > 1) branches.push(`${f} > ${first} AND ${f} < ${last}`);
  return branches;
}
