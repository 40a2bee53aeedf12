import type { Signature, ValueType } from '@fti/model-registry';
import type { FeatureColumns, FittedPreprocessor } from '@fti/model-runtime';
import { InvalidRequestError, type RequestProblem } from './online-errors.js';

/** Reads request rows (plain JSON objects) into the preprocessor's input columns, or throws. */
export type RequestReader = (rows: readonly unknown[], options?: ReadRequestOptions) => FeatureColumns;

/** Options of a {@link RequestReader} call. */
export interface ReadRequestOptions {
  /** JSON path of row i, for messages. Default `rows[i]`. */
  path?: (row: number) => string;
}

interface InputPlan {
  name: string;
  type: ValueType;
  required: boolean;
  /** How the preprocessor reads it: a Float64Array, category keys, or not at all. */
  column: 'numeric' | 'categorical' | 'unused';
}

const MAX_PROBLEMS = 20;

const EXPECTED: Record<ValueType, string> = {
  float: 'a finite number',
  int: 'an integer',
  string: 'a string',
  bool: 'true or false',
};

/**
 * Compiles a model's signature into a request reader: each row must be an object holding every required
 * input, no name outside the signature, values of the input's type (`float` a finite number, `int` an
 * integer, `string` a string, `bool` a boolean); an optional input may be absent or null (imputed as in
 * training). Rows become the same columns batch scoring builds (numbers as `Float64Array`, NaN for missing;
 * categories as strings), so online and batch scores agree. Throws {@link InvalidRequestError} listing
 * every field at fault (up to 20) and naming what to send.
 */
export function compileRequestReader(model: {
  label: string;
  signature: Signature;
  preprocessor: FittedPreprocessor;
}): RequestReader {
  const kinds = new Map(model.preprocessor.features.map((f) => [f.column, f.kind] as const));
  const inputs: InputPlan[] = model.signature.inputs.map((input) => {
    const kind = kinds.get(input.name);
    return {
      name: input.name,
      type: input.type,
      required: input.required,
      column: kind === undefined ? 'unused' : kind === 'numeric' ? 'numeric' : 'categorical',
    };
  });
  const byName = new Map(inputs.map((input) => [input.name, input]));
  const names = inputs.map((input) => input.name).join(', ');

  return (rows, options = {}) => {
    const path = options.path ?? ((row: number) => `rows[${row}]`);
    const problems: RequestProblem[] = [];
    const report = (field: string, message: string) => {
      if (problems.length < MAX_PROBLEMS) problems.push({ field, message });
    };
    if (rows.length === 0)
      throw new InvalidRequestError([{ field: 'rows', message: 'is empty; send at least one row' }]);
    const columns: Record<string, Float64Array | (string | null)[]> = {};
    for (const input of inputs) {
      if (input.column === 'numeric') columns[input.name] = new Float64Array(rows.length);
      else if (input.column === 'categorical') columns[input.name] = new Array<string | null>(rows.length);
    }
    for (let r = 0; r < rows.length && problems.length < MAX_PROBLEMS; r++) {
      const row = rows[r];
      const at = path(r);
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        report(at, `must be an object of feature values by name (${names})`);
        continue;
      }
      const values = row as Record<string, unknown>;
      for (const key of Object.keys(values)) {
        if (!byName.has(key))
          report(`${at}.${key}`, `is not an input of model ${model.label}; remove it (inputs: ${names})`);
      }
      for (const input of inputs) {
        const field = `${at}.${input.name}`;
        const value = values[input.name];
        const absent = value === undefined || value === null;
        if (absent) {
          if (input.required)
            report(
              field,
              `${value === null ? 'is null' : 'is missing'} but required; send ${EXPECTED[input.type]}`,
            );
          else if (input.column === 'numeric') (columns[input.name] as Float64Array)[r] = Number.NaN;
          else if (input.column === 'categorical') (columns[input.name] as (string | null)[])[r] = null;
          continue;
        }
        const problem = checkValue(input, value);
        if (problem !== undefined) {
          report(field, problem);
          continue;
        }
        if (input.column === 'numeric')
          (columns[input.name] as Float64Array)[r] =
            typeof value === 'boolean' ? Number(value) : (value as number);
        else if (input.column === 'categorical')
          (columns[input.name] as (string | null)[])[r] = String(value);
      }
    }
    if (problems.length > 0) throw new InvalidRequestError(problems);
    return columns;
  };
}

/** Why a present value cannot feed the input, or undefined when it can. */
function checkValue(input: InputPlan, value: unknown): string | undefined {
  const orNull = input.required ? '' : ' or null';
  switch (input.type) {
    case 'float':
    case 'int': {
      if (typeof value !== 'number')
        return `must be ${EXPECTED[input.type]}${orNull}, got ${describe(value)}`;
      if (!Number.isFinite(value))
        return `is ${value}; send ${EXPECTED[input.type]}${orNull} (NaN and infinities are not accepted)`;
      if (input.type === 'int' && !Number.isInteger(value))
        return `must be an integer${orNull}, got ${value}`;
      return undefined;
    }
    case 'string':
      return typeof value === 'string' ? undefined : `must be a string${orNull}, got ${describe(value)}`;
    case 'bool':
      return typeof value === 'boolean'
        ? undefined
        : `must be true or false${orNull}, got ${describe(value)}`;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
