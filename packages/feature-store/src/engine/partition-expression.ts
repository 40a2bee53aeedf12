import { UnsupportedTableError } from '../errors.js';
import type { IcebergType, Transform } from '../iceberg/types.js';

/**
 * The SQL expression computing an Iceberg partition value from a column expression (spec "Partition
 * Transforms"): identity keeps the value; year, month, day and hour count whole units since 1970-01-01
 * 00:00 UTC (the session is UTC, so `timestamptz` splits on UTC boundaries); `truncate[W]` floors numbers
 * to a multiple of W and cuts strings to W code points; void is null. `bucket[N]` needs Iceberg's murmur3
 * hash and is not written by this library.
 */
export function partitionExpression(options: {
  column: string;
  type: IcebergType;
  transform: Transform;
}): string {
  const { column: c, type, transform } = options;
  switch (transform) {
    case 'identity':
      return c;
    case 'void':
      return 'NULL';
    // Iceberg month transform counts months since 1970-01, year transform years since 1970.
    case 'year':
      return `(year(${c}) - 1970)`;
    case 'month':
      return `((year(${c}) - 1970) * 12 + month(${c}) - 1)`;
    case 'day':
      return `CAST(CAST(${c} AS DATE) - DATE '1970-01-01' AS INTEGER)`;
    case 'hour':
      return `CAST(floor(epoch_us(${c}) / 3600000000) AS INTEGER)`;
  }
  const truncate = /^truncate\[(\d+)\]$/.exec(transform);
  if (truncate) {
    const width = Number(truncate[1]);
    if (type === 'string') return `left(${c}, ${width})`;
    if (type === 'int' || type === 'long') return `(${c} - (((${c} % ${width}) + ${width}) % ${width}))`;
  }
  throw new UnsupportedTableError(
    `partition transform \`${transform}\` on a \`${typeof type === 'string' ? type : type.type}\` column cannot be written; use identity, year, month, day, hour or truncate`,
  );
}
