/** One token of a custom SQL expression (see {@link parseCustomSql}). */
export type CustomSqlToken =
  | { kind: 'number' | 'string' | 'operator' | 'keyword' | 'function'; text: string }
  | { kind: 'feature'; name: string };

/** Keywords the custom SQL grammar allows (case-insensitive; rendered upper case). */
export const CUSTOM_SQL_KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'IN',
  'BETWEEN',
  'CAST',
  'AS',
  'DOUBLE',
  'BIGINT',
  'INTEGER',
  'VARCHAR',
  'BOOLEAN',
]);

/**
 * Functions the custom SQL grammar allows (case-insensitive), chosen because DuckDB and Trino agree on them;
 * `div(a, b)` is the compiler's safe division (null on 0).
 */
export const CUSTOM_SQL_FUNCTIONS = new Set([
  'abs',
  'ceil',
  'floor',
  'round',
  'sqrt',
  'ln',
  'exp',
  'power',
  'coalesce',
  'nullif',
  'div',
]);

const OPERATORS = ['<=', '>=', '<>', '!=', '+', '-', '*', '(', ')', ',', '<', '>', '='];

/**
 * Tokenises a custom SQL feature expression and checks it against the shared grammar: numbers, single-quoted
 * strings, the operators `+ - * < <= > >= = <> != ( ) ,`, {@link CUSTOM_SQL_KEYWORDS},
 * {@link CUSTOM_SQL_FUNCTIONS} (followed by `(`), and names of the features in `features`. Throws an `Error`
 * whose message names the offending text (callers wrap it); `/` is refused in favour of `div(a, b)`, whose
 * semantics both dialects share.
 */
export function parseCustomSql(sql: string, features: ReadonlySet<string>): CustomSqlToken[] {
  const tokens: CustomSqlToken[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest.startsWith('--') || rest.startsWith('/*')) throw new Error('comments are not allowed');
    const number = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (number) {
      if (/^[A-Za-z_]/.test(rest.slice(number[0].length)))
        throw new Error(`malformed number near \`${rest}\``);
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    if (rest.startsWith("'")) {
      const literal = /^'(?:[^'\0]|'')*'/.exec(rest);
      if (!literal) throw new Error('unterminated string literal');
      tokens.push({ kind: 'string', text: literal[0] });
      i += literal[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (word) {
      const text = word[0];
      const next = sql.slice(i + text.length).trimStart();
      if (CUSTOM_SQL_KEYWORDS.has(text.toUpperCase()))
        tokens.push({ kind: 'keyword', text: text.toUpperCase() });
      else if (CUSTOM_SQL_FUNCTIONS.has(text.toLowerCase()) && next.startsWith('('))
        tokens.push({ kind: 'function', text: text.toLowerCase() });
      else if (features.has(text)) tokens.push({ kind: 'feature', name: text });
      else
        throw new Error(
          `\`${text}\` is not a feature defined earlier, an allowed keyword or function (${[
            ...CUSTOM_SQL_FUNCTIONS,
          ].join(', ')})`,
        );
      i += text.length;
      continue;
    }
    const operator = OPERATORS.find((op) => rest.startsWith(op));
    if (operator === undefined)
      throw new Error(
        rest.startsWith('/')
          ? '`/` is not allowed: use div(a, b), which gives null when b is 0 on every engine'
          : `unexpected \`${rest.slice(0, 10)}\`; only features, numbers, 'strings', operators and allowed functions may appear`,
      );
    if (operator === '(') depth += 1;
    if (operator === ')') depth -= 1;
    if (depth < 0) throw new Error('unbalanced `)`');
    tokens.push({ kind: 'operator', text: operator });
    i += operator.length;
  }
  if (depth !== 0) throw new Error('unbalanced `(`');
  if (tokens.length === 0) throw new Error('the expression is empty');
  for (let t = 0; t < tokens.length; t += 1) {
    const token = tokens[t];
    if (token?.kind === 'function' && token.text === 'div' && splitCallArgs(tokens, t).args.length !== 2)
      throw new Error('div takes exactly two arguments: div(a, b)');
  }
  return tokens;
}

/**
 * Splits the call starting at `tokens[at]` (a function token followed by `(`) into its argument token lists
 * (at top-level commas) and returns them with `end`, the index after the closing `)`.
 */
export function splitCallArgs(
  tokens: CustomSqlToken[],
  at: number,
): { args: CustomSqlToken[][]; end: number } {
  const args: CustomSqlToken[][] = [[]];
  let depth = 0;
  for (let t = at + 1; t < tokens.length; t += 1) {
    const token = tokens[t] as CustomSqlToken;
    const op = token.kind === 'operator' ? token.text : '';
    if (op === '(' && ++depth === 1) continue;
    if (op === ')' && --depth === 0) return { args, end: t + 1 };
    if (depth === 1 && op === ',') args.push([]);
    else args[args.length - 1]?.push(token);
  }
  return { args, end: tokens.length };
}
