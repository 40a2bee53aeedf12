import type { Expr } from './expression.js';

/** Adds to `into` (and returns it) every column or value name an expression references. */
export function collectColumnNames(e: Expr | undefined, into: Set<string> = new Set()): Set<string> {
  if (e === undefined) return into;
  switch (e.op) {
    case 'col':
      into.add(e.name);
      break;
    case 'lit':
      break;
    case 'and':
    case 'or':
    case 'coalesce':
      for (const arg of e.args) collectColumnNames(arg, into);
      break;
    case 'case':
      for (const branch of e.branches) {
        collectColumnNames(branch.when, into);
        collectColumnNames(branch.value, into);
      }
      collectColumnNames(e.else, into);
      break;
    default:
      if ('left' in e) {
        collectColumnNames(e.left, into);
        collectColumnNames(e.right, into);
      } else collectColumnNames(e.arg, into);
  }
  return into;
}
