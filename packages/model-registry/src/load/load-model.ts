import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ObjectNotFoundError } from '@fti/feature-store';
import { ChecksumMismatchError, CorruptModelError } from '../errors.js';
import type { ModelRegistry } from '../open-model-registry.js';
import { getVersion } from '../read/get-version.js';
import type { ModelRef } from '../records/model-ref.js';
import type { Artifact, ModelVersion } from '../records/model-version.js';
import { sha256Bytes } from '../register/sha256.js';

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /** `{ name, version }` or `{ name, alias }`. */
  ref: ModelRef;
  /**
   * `memory` (default): bytes only. `directory`: also write the verified files under `dir` keeping their
   * relative paths, so `tf.loadLayersModel('file://<dir>/model.json')` finds its weight shards.
   */
  into?: { kind: 'memory' } | { kind: 'directory'; dir: string };
}

/** One artifact after its size and sha256 were checked against the record. */
export interface VerifiedArtifact extends Artifact {
  bytes: Uint8Array;
  /** Where it was written (`directory` mode only). */
  localPath: string | undefined;
}

/** A loaded model version: its record and every artifact, verified. */
export interface LoadedModel {
  record: ModelVersion;
  artifacts: VerifiedArtifact[];
}

/**
 * Resolves the reference, reads the record and downloads every artifact, checking its size and sha256.
 * Nothing is returned or written to `dir` unless every file matches: a modified file throws
 * {@link ChecksumMismatchError} naming it with both hashes, a missing one {@link CorruptModelError}.
 */
export async function loadModel(registry: ModelRegistry, options: LoadModelOptions): Promise<LoadedModel> {
  const record = await getVersion(registry, options.ref);
  const label = `${record.name}@${record.version}`;
  const artifacts: VerifiedArtifact[] = [];
  for (const artifact of record.artifacts) {
    const key = registry.keys.artifact(record.name, record.version, artifact.path);
    let bytes: Uint8Array;
    try {
      bytes = await registry.store.get(key);
    } catch (error) {
      if (!(error instanceof ObjectNotFoundError)) throw error;
      throw new CorruptModelError(
        `artifact \`${artifact.path}\` of ${label} is missing from storage (\`${key}\`); re-register the model`,
        key,
        { cause: error },
      );
    }
    const actual = sha256Bytes(bytes);
    if (actual.sha256 !== artifact.sha256 || actual.size !== artifact.size) {
      throw new ChecksumMismatchError(
        label,
        artifact.path,
        { sha256: artifact.sha256, size: artifact.size },
        actual,
      );
    }
    artifacts.push({ ...artifact, bytes, localPath: undefined });
  }
  const into = options.into ?? { kind: 'memory' };
  if (into.kind === 'directory') {
    const root = resolve(into.dir);
    for (const artifact of artifacts) {
      const path = join(root, ...artifact.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, artifact.bytes);
      artifact.localPath = path;
    }
  }
  return { record, artifacts };
}
