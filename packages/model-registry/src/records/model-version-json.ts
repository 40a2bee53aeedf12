import { CorruptModelError } from '../errors.js';
import { type ModelVersion, ModelVersionSchema } from './model-version.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Serialises a record as the UTF-8 bytes of `version.json` (pretty-printed JSON, trailing newline). */
export function serializeModelVersion(record: ModelVersion): Uint8Array {
  return encoder.encode(`${JSON.stringify(record, null, 2)}\n`);
}

/**
 * Parses the bytes of a `version.json`; throws {@link CorruptModelError} naming `file` when they are not
 * UTF-8 JSON or do not match the record schema.
 */
export function parseModelVersion(bytes: Uint8Array, file: string): ModelVersion {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new CorruptModelError(`\`${file}\` is not UTF-8 JSON; the record is damaged`, file, {
      cause: error,
    });
  }
  const result = ModelVersionSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CorruptModelError(
      `\`${file}\` is not a model version record: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim() +
        '; it was written by an incompatible version or damaged',
      file,
      { cause: result.error },
    );
  }
  return result.data;
}
