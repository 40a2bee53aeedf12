import type { DuckDb } from '@fti/feature-store';
import type { CurrentColumn } from '../drift/compute-drift.js';

/**
 * Streams a query's result into monitoring columns: `numeric` names become Float64Array (null → NaN), the
 * others dictionary codes in first-seen order (null → −1). Returns the row count too.
 */
export async function readSqlColumns(options: {
  db: DuckDb;
  sql: string;
  numeric: ReadonlySet<string>;
}): Promise<{ rows: number; columns: Record<string, CurrentColumn> }> {
  const stream = await options.db.streamChunks(options.sql);
  const names = stream.names;
  const numbers = names.map(() => [] as number[]);
  const codes = names.map(() => [] as number[]);
  const dictionaries = names.map(() => new Map<string, number>());
  let rows = 0;
  for await (const chunk of stream.chunks) {
    for (let c = 0; c < names.length; c++) {
      const vector = chunk.getColumnVector(c);
      const isNumeric = options.numeric.has(names[c]!);
      for (let i = 0; i < chunk.rowCount; i++) {
        const value = vector.getItem(i);
        if (isNumeric) numbers[c]!.push(value === null ? Number.NaN : Number(value));
        else if (value === null) codes[c]!.push(-1);
        else {
          const text = String(value);
          let code = dictionaries[c]!.get(text);
          if (code === undefined) {
            code = dictionaries[c]!.size;
            dictionaries[c]!.set(text, code);
          }
          codes[c]!.push(code);
        }
      }
    }
    rows += chunk.rowCount;
  }
  const columns: Record<string, CurrentColumn> = {};
  names.forEach((name, c) => {
    columns[name] = options.numeric.has(name)
      ? Float64Array.from(numbers[c]!)
      : { codes: Int32Array.from(codes[c]!), dictionary: [...dictionaries[c]!.keys()] };
  });
  return { rows, columns };
}
