import { InvalidDefinitionError } from '../errors.js';
import type { Expr } from './expression.js';
import type { ColumnType } from './source.js';

/** Type of an expression: a column type, or `null` for a bare null literal (fits anywhere). */
export type ExprType = ColumnType | 'null';

/** What {@link inferExpressionType} needs: the definition's name (for errors) and the visible columns. */
export interface ExpressionScope {
  definition: string;
  /** Types of the names an expression may reference. */
  columns: ReadonlyMap<string, ColumnType>;
}

const NUMERIC = new Set<ExprType>(['int', 'long', 'double']);
const TEMPORAL = new Set<ExprType>(['date', 'timestamp']);

/** Whether a type is numeric (or a null literal). */
export const isNumeric = (type: ExprType): boolean => type === 'null' || NUMERIC.has(type);
/** Whether a type is integral (or a null literal). */
export const isIntegral = (type: ExprType): boolean => type === 'null' || type === 'int' || type === 'long';

/**
 * Checks an expression against the columns in scope and returns its type; throws
 * {@link InvalidDefinitionError} naming `path` when a column is unknown or an operand has the wrong type.
 * Integer arithmetic is `long` (computed in BIGINT), `div` is `double`.
 */
export function inferExpressionType(e: Expr, scope: ExpressionScope, path: string): ExprType {
  const fail = (reason: string): never => {
    throw new InvalidDefinitionError(scope.definition, path, reason);
  };
  const sub = (child: Expr, suffix: string): ExprType =>
    inferExpressionType(child, scope, `${path}.${suffix}`);
  const expectBoolean = (child: Expr, suffix: string): void => {
    const type = sub(child, suffix);
    if (type !== 'boolean' && type !== 'null')
      fail(`\`${suffix}\` must be a condition (boolean), not ${type}`);
  };
  switch (e.op) {
    case 'col': {
      const type = scope.columns.get(e.name);
      if (type === undefined)
        fail(
          `unknown column \`${e.name}\`; declare it in source.columns or source.values (known: ${[
            ...scope.columns.keys(),
          ].join(', ')})`,
        );
      return type as ColumnType;
    }
    case 'lit':
      if (e.value === null) return 'null';
      if (typeof e.value === 'string') return 'string';
      if (typeof e.value === 'boolean') return 'boolean';
      return Number.isSafeInteger(e.value) ? 'long' : 'double';
    case 'add':
    case 'sub':
    case 'mul':
    case 'div': {
      const left = sub(e.left, 'left');
      const right = sub(e.right, 'right');
      if (!isNumeric(left) || !isNumeric(right))
        fail(`\`${e.op}\` needs numbers, got ${left} and ${right}; cast the operands first`);
      if (e.op === 'div') return 'double';
      return isIntegral(left) && isIntegral(right) ? 'long' : 'double';
    }
    case 'eq':
    case 'ne':
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const left = sub(e.left, 'left');
      const right = sub(e.right, 'right');
      if (!comparable(left, right)) fail(`cannot compare ${left} with ${right}`);
      return 'boolean';
    }
    case 'and':
    case 'or':
      for (const [i, arg] of e.args.entries()) expectBoolean(arg, `args[${i}]`);
      return 'boolean';
    case 'not':
      expectBoolean(e.arg, 'arg');
      return 'boolean';
    case 'isNull':
      sub(e.arg, 'arg');
      return 'boolean';
    case 'neg':
    case 'abs': {
      const type = sub(e.arg, 'arg');
      if (!isNumeric(type)) fail(`\`${e.op}\` needs a number, got ${type}`);
      return type === 'int' ? 'long' : type;
    }
    case 'dayOfWeek':
    case 'month':
    case 'year':
    case 'hour': {
      const type = sub(e.arg, 'arg');
      const ok = e.op === 'hour' ? type === 'timestamp' : TEMPORAL.has(type);
      if (!ok)
        fail(`\`${e.op}\` needs a ${e.op === 'hour' ? 'timestamp' : 'date or timestamp'}, got ${type}`);
      return 'long';
    }
    case 'in': {
      const type = sub(e.arg, 'arg');
      for (const value of e.values) {
        const valueType: ExprType = typeof value === 'string' ? 'string' : 'double';
        if (!comparable(type, valueType)) fail(`\`in\` compares ${type} with ${JSON.stringify(value)}`);
      }
      return 'boolean';
    }
    case 'startsWith': {
      const type = sub(e.arg, 'arg');
      if (type !== 'string' && type !== 'null') fail(`\`startsWith\` needs a string, got ${type}`);
      return 'boolean';
    }
    case 'coalesce':
      return unify(
        e.args.map((arg, i) => sub(arg, `args[${i}]`)),
        fail,
      );
    case 'case': {
      for (const [i, branch] of e.branches.entries()) expectBoolean(branch.when, `branches[${i}].when`);
      const results = e.branches.map((branch, i) => sub(branch.value, `branches[${i}].value`));
      if (e.else !== undefined) results.push(sub(e.else, 'else'));
      return unify(results, fail);
    }
    case 'cast': {
      const type = sub(e.arg, 'arg');
      if (e.to !== 'string' && !isNumeric(type) && type !== 'string' && type !== 'boolean')
        fail(`cannot cast ${type} to ${e.to}`);
      return e.to;
    }
  }
}

function comparable(a: ExprType, b: ExprType): boolean {
  if (a === 'null' || b === 'null' || a === b) return true;
  if (NUMERIC.has(a) && NUMERIC.has(b)) return true;
  return TEMPORAL.has(a) && TEMPORAL.has(b);
}

function unify(types: ExprType[], fail: (reason: string) => never): ExprType {
  let result: ExprType = 'null';
  for (const type of types) {
    if (type === 'null' || type === result) continue;
    if (result === 'null') result = type;
    else if (NUMERIC.has(result) && NUMERIC.has(type))
      result = result === 'double' || type === 'double' ? 'double' : 'long';
    else fail(`branches have different types: ${result} and ${type}`);
  }
  return result === 'int' ? 'long' : result;
}
