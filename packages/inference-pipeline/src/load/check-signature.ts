import type { Signature, ValueType } from '@fti/model-registry';
import { SignatureMismatchError, type SignatureProblem } from '../errors.js';

/** Iceberg primitive types that can feed each signature value type. */
const ACCEPTS: Record<ValueType, readonly string[]> = {
  float: ['float', 'double', 'int', 'long', 'boolean'],
  int: ['int', 'long'],
  string: ['string'],
  bool: ['boolean'],
};

/** Options of {@link checkSignature}. */
export interface CheckSignatureOptions {
  /** `name@version`, for the message. */
  model: string;
  /** Table name, for the message. */
  table: string;
  signature: Signature;
  /** The input's columns and their Iceberg types (`long`, `string`, ...; nested types as `struct`). */
  columns: { name: string; type: string }[];
}

/**
 * Checks that every signature input is a column of the input with a type that can feed it (a numeric
 * column for `float`, etc.); throws one {@link SignatureMismatchError} listing every problem.
 */
export function checkSignature(options: CheckSignatureOptions): void {
  const types = new Map(options.columns.map((c) => [c.name, c.type]));
  const problems: SignatureProblem[] = [];
  for (const input of options.signature.inputs) {
    const actual = types.get(input.name);
    if (actual === undefined)
      problems.push({ column: input.name, problem: 'missing', expected: input.type, actual: null });
    else if (!ACCEPTS[input.type].includes(actual))
      problems.push({ column: input.name, problem: 'type', expected: input.type, actual });
  }
  if (problems.length > 0) throw new SignatureMismatchError(options.model, options.table, problems);
}
