import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlineRetailFeatures, onlineRetailLabels } from '../src/examples/online-retail-features.js';
import { compileFeatureSql, compileLabelSql, type DialectName, expandFeatureDates } from '../src/index.js';
import { expressionFeatures } from './fixtures/expression-definition.js';
import { shopFeatures } from './fixtures/shop-definitions.js';

// Golden SQL per definition and dialect, compared byte for byte. After an intended change of the compiled
// SQL, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` and review the diff.
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = path.join(import.meta.dirname, 'golden');

const SOURCES: Record<DialectName, string> = {
  duckdb: "read_parquet('examples/online-retail/data/online_retail.parquet')",
  athena: '"fti_examples"."online_retail"',
};
const weekly = expandFeatureDates({ from: '2011-09-04', to: '2011-09-18', everyDays: 7 });

const cases = (dialect: DialectName) => [
  {
    file: `online-retail-features.${dialect}.sql`,
    sql: compileFeatureSql(onlineRetailFeatures, { dialect, source: SOURCES[dialect], featureDates: weekly }),
  },
  {
    file: `online-retail-labels.${dialect}.sql`,
    sql: compileLabelSql(onlineRetailLabels, { dialect, source: SOURCES[dialect], featureDates: weekly }),
  },
  {
    file: `shop-features.${dialect}.sql`,
    sql: compileFeatureSql(shopFeatures, { dialect, source: 'shop_events', featureDates: ['2024-03-11'] }),
  },
  {
    file: `expressions.${dialect}.sql`,
    sql: compileFeatureSql(expressionFeatures, { dialect, source: 'one_row', featureDates: ['2024-03-11'] }),
  },
];

describe('golden SQL', () => {
  for (const dialect of ['duckdb', 'athena'] as const) {
    for (const { file, sql } of cases(dialect)) {
      it(`${file} is unchanged`, () => {
        const target = path.join(GOLDEN, file);
        if (UPDATE) fs.writeFileSync(target, sql);
        expect(sql).toBe(fs.readFileSync(target, 'utf8'));
      });
    }
  }
});

/** DuckDB-only syntax and functions (or ones whose Trino meaning differs) that must never reach Athena. */
const ATHENA_DENY_LIST: [string, RegExp][] = [
  ['mode()', /\bmode\s*\(/i],
  ['isodow', /\bisodow\b/i],
  ['dayofweek (0 = Sunday in DuckDB)', /\bdayofweek\b/i],
  ['datediff/date_sub aliases', /\b(datediff|date_sub)\s*\(/i],
  [':: casts', /::/],
  ['INTERVAL (n) DAY', /INTERVAL\s*\(/i],
  ['QUALIFY', /\bQUALIFY\b/i],
  ['ASOF joins', /\bASOF\b/i],
  ['GROUP BY ALL', /GROUP\s+BY\s+ALL/i],
  ['EXCLUDE/REPLACE star modifiers', /\*\s*(EXCLUDE|REPLACE)\b/i],
  ['read_parquet/read_csv', /\bread_(parquet|csv|json)\b/i],
  ['approximate aggregates', /\bapprox/i],
  ['arg_max/arg_min', /\barg_(max|min)\b/i],
  ['quantile functions', /\bquantile/i],
  ['list/struct functions', /\b(list|struct_pack|string_agg)\s*\(/i],
  ['strftime/epoch', /\b(strftime|epoch)\s*\(/i],
  ['// integer division', /\/\//],
  ['ambiguous stddev()', /\bstddev\s*\(/i],
  ['ILIKE', /\bILIKE\b/i],
];

describe('Athena SQL', () => {
  for (const { file, sql } of cases('athena')) {
    it(`${file} uses no DuckDB-only function or syntax`, () => {
      const found = ATHENA_DENY_LIST.filter(([, pattern]) => pattern.test(sql)).map(([name]) => name);
      expect(found).toEqual([]);
    });
  }

  it('renders the Trino spellings of the dialect-specific parts', () => {
    const sql = cases('athena')
      .map((c) => c.sql)
      .join('\n');
    expect(sql).toContain('date_add(\'day\', -365, CAST("__fti_feature_date" AS TIMESTAMP))');
    expect(sql).toContain('day_of_week("ts")');
    expect(sql).toContain('stddev_samp(');
    expect(sql).toContain('row_number() OVER (PARTITION BY');
  });

  it('every DuckDB golden differs from its Athena twin only in dialect functions', () => {
    for (const [duck, athena] of cases('duckdb').map((c, i) => [c.sql, cases('athena')[i]?.sql as string])) {
      const normalise = (sql: string) =>
        sql
          .replace(/read_parquet\('[^']*'\)|"fti_examples"\."online_retail"/g, 'SOURCE')
          .replace(/date_add\('day', (-?\d+), (CAST\([^)]*\))\)/g, '$2 + INTERVAL ($1) DAY')
          .replace(/day_of_week\(/g, 'isodow(');
      expect(normalise(athena as string)).toBe(normalise(duck as string));
    }
  });
});
