import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectStore, TableEnv } from '@fti/feature-store';
import {
  getVersion,
  loadModel,
  type ModelRegistry,
  ModelRegistryError,
  type ModelVersion,
} from '@fti/model-registry';
import type { ModelSource } from './monitoring-config.js';
import { MonitoringInputError } from './monitoring-input-error.js';
import { readParquetFrame } from './read-parquet-frame.js';
import { findStoredProfile, profileFrame, type Reference, writeStoredProfile } from './stored-profile.js';

/** The artifact a model version's training set is registered as (written by the training pipeline). */
export const MODEL_REFERENCE_PATH = 'reference.parquet';

/** Where a model reference came from, for the report. */
export interface ModelReferenceInfo {
  model: string;
  version: number;
  /** The alias it was resolved from, or null for a pinned version. */
  alias: string | null;
  split: string | null;
  /** sha256 of `reference.parquet` as registered. */
  sha256: string;
  /** Object-store key of the stored profile. */
  profileKey: string;
  /** True when the stored profile was reused (the artifact was not read). */
  reused: boolean;
  /** The model's input columns (its signature), the default monitored columns with `score`. */
  inputs: string[];
}

/** Object-store key of the profile of a model version's reference (one per artifact checksum and split). */
export function modelProfileKey(info: Pick<ModelReferenceInfo, 'model' | 'version' | 'sha256' | 'split'>) {
  return `monitoring/reference-profiles/${info.model}/v${info.version}/${info.sha256}/${info.split ?? 'all'}.json`;
}

/**
 * Resolves a model reference in the registry and returns its profiles: the stored profile when one exists for
 * this version, artifact checksum and split; otherwise reads `reference.parquet` (size and sha256 checked
 * against the version record), profiles it and stores the profile for the next run.
 * @throws MonitoringInputError when the model, alias or version does not exist, the version has no
 * reference artifact, the artifact does not match its checksum, or the split has no column to select on.
 */
export async function loadModelReference(options: {
  source: ModelSource;
  registry: ModelRegistry;
  /** Where profiles are stored (the monitoring output store). */
  store: ObjectStore;
  env: TableEnv;
  log?: (line: string) => void;
}): Promise<{ reference: Reference; info: ModelReferenceInfo }> {
  const { source, registry } = options;
  const log = options.log ?? (() => {});
  const ref =
    source.version !== undefined
      ? { name: source.model, version: source.version }
      : { name: source.model, alias: source.alias! };
  const label = `${source.model}${source.version !== undefined ? ` version ${source.version}` : ` alias \`${source.alias}\``}`;
  let record: ModelVersion;
  try {
    record = await getVersion(registry, ref);
  } catch (error) {
    if (!(error instanceof ModelRegistryError)) throw error;
    throw new MonitoringInputError(
      source.model,
      `reference model ${label}: ${error.message} (check reference.model and reference.alias/version, or train and register the model first)`,
      { cause: error },
    );
  }
  const artifact = record.artifacts.find((a) => a.path === MODEL_REFERENCE_PATH);
  const name = `${record.name}@${record.version}`;
  if (!artifact) {
    throw new MonitoringInputError(
      name,
      `${name} has no recorded training set (\`${MODEL_REFERENCE_PATH}\`); retrain it with the training pipeline, which registers one, or use a table reference`,
    );
  }
  const info: ModelReferenceInfo = {
    model: record.name,
    version: record.version,
    alias: source.alias ?? null,
    split: source.split ?? null,
    sha256: artifact.sha256,
    profileKey: '',
    reused: false,
    inputs: record.signature.inputs.map((i) => i.name),
  };
  info.profileKey = modelProfileKey(info);
  const stored = await findStoredProfile(options.store, info.profileKey);
  if (stored) {
    log(`reference: ${name} stored profile ${info.profileKey} (reference.parquet not read)`);
    return { reference: stored, info: { ...info, reused: true } };
  }

  log(`reference: ${name} ${MODEL_REFERENCE_PATH}${source.split ? ` (split ${source.split})` : ''}`);
  const key = registry.keys.artifact(record.name, record.version, artifact.path);
  const dir = await mkdtemp(join(tmpdir(), 'fti-monitoring-reference-'));
  try {
    // The version's files are written to `dir` only when every one matches its registered size and sha256.
    await loadModel(registry, {
      ref: { name: record.name, version: record.version },
      into: { kind: 'directory', dir },
    }).catch((error: unknown) => {
      if (!(error instanceof ModelRegistryError)) throw error;
      throw new MonitoringInputError(key, `reference: ${error.message}`, { cause: error });
    });
    const path = join(dir, MODEL_REFERENCE_PATH);
    const frame = await readParquetFrame({
      db: options.env.db,
      path,
      description: `${name} ${MODEL_REFERENCE_PATH}${source.split ? ` split = ${source.split}` : ''} (sha256 ${artifact.sha256.slice(0, 12)})`,
      exclude: ['split'],
      ...(source.split ? { where: { column: 'split', value: source.split } } : {}),
    }).catch((error: unknown) => {
      throw new MonitoringInputError(
        key,
        `${MODEL_REFERENCE_PATH} of ${name} cannot be read${source.split ? ` by split` : ''}: ${(error as Error).message}`,
        { cause: error },
      );
    });
    if (source.split && frame.rows === 0) {
      throw new MonitoringInputError(
        name,
        `the recorded training set of ${name} has no \`${source.split}\` rows; choose reference.split among train, tuning, validation or leave it out`,
      );
    }
    const reference = profileFrame(frame);
    await writeStoredProfile(options.store, info.profileKey, reference);
    log(`stored the reference profile of ${name} at ${info.profileKey}`);
    return { reference, info };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
