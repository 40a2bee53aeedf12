import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Folder holding the real Athena/Spark/Java tables (`hyperparam-iceberg/...`), see its README. */
export const ICEBERG_FIXTURES = fileURLToPath(new URL('../fixtures/iceberg/', import.meta.url));

/** Maps `s3://hyperparam-iceberg/<key>` or `s3a://...` (the URIs inside the fixtures) to a local path. */
export function fixturePath(uri: string): string {
  const match = /^[a-z0-9]+:\/\/(hyperparam-iceberg\/.+)$/.exec(uri);
  if (!match?.[1]) throw new Error(`not a fixture URI: ${uri}`);
  return `${ICEBERG_FIXTURES}${match[1]}`;
}

/** Reads a fixture file by the URI other writers recorded for it. */
export async function readFixture(uri: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(fixturePath(uri)));
}

/** Reads a fixture by its path under `fixtures/iceberg/` (for example `hyperparam-iceberg/java/bunnies/...`). */
export async function readFixtureText(relative: string): Promise<string> {
  return readFile(`${ICEBERG_FIXTURES}${relative}`, 'utf8');
}
