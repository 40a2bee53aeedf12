import type { FeatureValueType } from '../definition/feature-value-type.js';
import { type CustomSqlToken, splitCallArgs } from '../definition/parse-custom-sql.js';
import type { SqlDialect } from './dialect.js';

/** Options of {@link renderCustomSql}. */
export interface RenderCustomSqlOptions {
  dialect: SqlDialect;
  /** Tokens from {@link parseCustomSql}. */
  tokens: CustomSqlToken[];
  /** SQL and type of each feature the expression may reference. */
  features: ReadonlyMap<string, { sql: string; type: FeatureValueType }>;
}

const NUMERIC = new Set<FeatureValueType>(['int', 'long', 'double']);

/**
 * Renders checked custom SQL tokens: numeric feature references become `CAST(<feature> AS DOUBLE)` (so `*`
 * and `+` mean the same on both engines), `div(a, b)` becomes the dialect's safe division, everything else
 * is re-emitted token by token.
 */
export function renderCustomSql(options: RenderCustomSqlOptions): string {
  const { dialect, tokens, features } = options;
  let out = '';
  let previous: CustomSqlToken | undefined;
  // Spaces between tokens, except after `(` or a function name and before `)` or `,`.
  const emit = (text: string, token: CustomSqlToken): void => {
    const tight =
      previous === undefined ||
      previous.kind === 'function' ||
      (previous.kind === 'operator' && previous.text === '(') ||
      (token.kind === 'operator' && (token.text === ')' || token.text === ','));
    out += tight ? text : ` ${text}`;
    previous = token;
  };
  let t = 0;
  while (t < tokens.length) {
    const token = tokens[t] as CustomSqlToken;
    if (token.kind === 'function' && token.text === 'div') {
      const { args, end } = splitCallArgs(tokens, t);
      const [numerator = [], denominator = []] = args;
      const numeratorSql = renderCustomSql({ ...options, tokens: numerator });
      const denominatorSql = renderCustomSql({ ...options, tokens: denominator });
      emit(`(${dialect.safeDivide(numeratorSql, denominatorSql)})`, { kind: 'number', text: '' });
      t = end;
      continue;
    }
    if (token.kind === 'feature') {
      const feature = features.get(token.name);
      if (feature === undefined) throw new TypeError(`custom SQL references unknown feature ${token.name}`);
      emit(NUMERIC.has(feature.type) ? dialect.cast(feature.sql, 'double') : feature.sql, token);
    } else emit(token.text, token);
    t += 1;
  }
  return out;
}
