import { loadArrowTable, quoteIdentifier, quoteLiteral, type TableEnv } from '@fti/feature-store';
import * as arrow from 'apache-arrow';
import { InvalidScoringInputError } from '../errors.js';
import { GroupWrites } from './group-writes.js';
import { rebaseData } from './rebase-data.js';
import type { ScoredRowsSink, ScoredRowsTargets } from './scored-rows-sink.js';
import { Utf8Codes } from './utf8-codes.js';

/** Options of {@link ScoredRowsWriter}. */
export interface ScoredRowsWriterOptions {
  env: TableEnv;
  /** Input columns kept with each scored row: the keys, then the logged inputs (names unique). */
  columns: string[];
  /** SQL select lists of the two tables over a scored relation with `__entity_hash` and `__score`. */
  predictionsSelect: string;
  logSelect: string;
  /** Rows of other shards are dropped by this SQL condition (or `TRUE`). */
  where: string;
  /** Rows per data file: scored batches are buffered to this size, then written; default 262,144. */
  fileRows?: number;
  /** Opens the target tables' writers, once, when the first rows are written. */
  open: () => Promise<ScoredRowsTargets>;
}

let relationCounter = 0;

/**
 * Buffers scored batches (input columns plus entity hash and score) and writes them, one file per table
 * per `fileRows`, into the predictions table and the prediction log through their table writers: each row
 * is encoded once per table, straight into the table's data folder. The write of one file group runs in
 * DuckDB while the caller scores the next: at most one group is in flight, so memory stays bounded. For
 * inputs that are only in JS (Arrow batches); DuckDB-readable inputs use the JoinBackWriter.
 */
export class ScoredRowsWriter implements ScoredRowsSink {
  private buffered: arrow.RecordBatch[] = [];
  private bufferedRows = 0;
  private readonly writes: GroupWrites;
  /** Types of the input columns in the first batch: every batch must have them. */
  private types: string[] | undefined;
  /** Per input column: its dictionary codes when it is a UTF-8 column. */
  private readonly codes: (Utf8Codes | undefined)[] = [];
  /** Schema of the buffered group, and which of its columns travel as codes. */
  private schema: arrow.Schema | undefined;
  private coded: boolean[] = [];

  constructor(private readonly options: ScoredRowsWriterOptions) {
    this.writes = new GroupWrites(options);
  }

  async add(
    batch: arrow.RecordBatch,
    hashes: Uint32Array,
    scored: Float64Array,
    selected: Uint32Array | undefined,
  ): Promise<void> {
    const { columns } = this.options;
    let scores = scored;
    if (selected) {
      // Rows of other shards keep NaN; the `where` condition drops them by hash range.
      scores = new Float64Array(batch.numRows).fill(Number.NaN);
      for (let i = 0; i < selected.length; i++) scores[selected[i]!] = scored[i]!;
    }
    const sources = columns.map((name) => rebaseData(batch.getChild(name)!.data[0] as arrow.Data));
    this.types ??= sources.map((d) => String(d.type));
    sources.forEach((data, i) => {
      if (String(data.type) !== this.types![i])
        throw new InvalidScoringInputError(
          'input',
          `column \`${columns[i]}\` changes type between batches (${this.types![i]} then ${data.type}); give every batch one schema`,
        );
      if (this.codes.length < columns.length)
        this.codes.push(arrow.DataType.isUtf8(data.type as arrow.DataType) ? new Utf8Codes() : undefined);
    });
    const children: arrow.Data[] = sources.map((data, i) => this.codes[i]?.encode(data) ?? data);
    const coded = children.map((data, i) => data !== sources[i]);
    if (this.schema && coded.some((c, i) => c !== this.coded[i])) await this.flush();
    if (!this.schema) {
      this.coded = coded;
      this.schema = new arrow.Schema([
        ...columns.map((name, i) => new arrow.Field(name, children[i]!.type, true)),
        new arrow.Field('__entity_hash', new arrow.Uint32(), false),
        new arrow.Field('__score', new arrow.Float64(), true),
      ]);
    }
    children.push(
      arrow.makeData({ type: new arrow.Uint32(), length: batch.numRows, data: hashes }),
      arrow.makeData({ type: new arrow.Float64(), length: batch.numRows, data: scores }),
    );
    const struct = new arrow.Struct(this.schema.fields);
    this.buffered.push(
      new arrow.RecordBatch(
        this.schema,
        arrow.makeData({ type: struct, length: batch.numRows, nullCount: 0, children }),
      ),
    );
    this.bufferedRows += batch.numRows;
    if (this.bufferedRows >= this.writes.fileRows) await this.flush();
  }

  async finish(): Promise<ScoredRowsTargets> {
    if (this.bufferedRows > 0) await this.flush();
    return this.writes.finish();
  }

  opened(): Promise<ScoredRowsTargets | undefined> {
    return this.writes.opened();
  }

  private async flush(): Promise<void> {
    const batches = this.buffered;
    const coded = this.coded;
    this.buffered = [];
    this.bufferedRows = 0;
    this.schema = undefined;
    await this.writes.start(async (targets) => {
      const { env, where } = this.options;
      const name = `__fti_scored_${++relationCounter}`;
      const table = `temp.main.${quoteIdentifier(name)}`;
      try {
        await loadArrowTable({ db: env.db, table: new arrow.Table(batches), tableName: name });
        // Coded string columns turn back into strings by a lookup in the column's dictionary (0-based codes).
        const replace = this.options.columns
          .map((column, i) => {
            if (!coded[i]) return undefined;
            const values = (this.codes[i] as Utf8Codes).values.map((v) => quoteLiteral(v)).join(', ');
            return `(CAST([${values}] AS VARCHAR[]))[${quoteIdentifier(column)} + 1] AS ${quoteIdentifier(column)}`;
          })
          .filter((r) => r !== undefined);
        const relation =
          replace.length > 0 ? `(SELECT * REPLACE (${replace.join(', ')}) FROM ${table})` : table;
        const from = `FROM ${relation} WHERE ${where}`;
        const { predictionsSelect, logSelect } = this.options;
        await targets.predictions.write({ kind: 'sql', sql: `SELECT ${predictionsSelect} ${from}` });
        await targets.log.write({ kind: 'sql', sql: `SELECT ${logSelect} ${from}` });
      } finally {
        await env.db.run(`DROP TABLE IF EXISTS ${table}`);
      }
    });
  }
}
