import { generateModelCard, MODEL_CARD_PATH } from '../card/generate-model-card.js';
import { InvalidModelInputError, RegistrationFailedError } from '../errors.js';
import type { ModelRegistry } from '../open-model-registry.js';
import type { LineageInput } from '../records/lineage.js';
import {
  type Artifact,
  MODEL_VERSION_FORMAT,
  type ModelVersion,
  ModelVersionSchema,
} from '../records/model-version.js';
import { serializeModelVersion } from '../records/model-version-json.js';
import { parseInput } from '../records/parse-input.js';
import type { SignatureInput } from '../records/signature.js';
import { allocateVersion } from './allocate-version.js';
import { discardVersion } from './discard-version.js';
import { sha256Bytes, sha256File } from './sha256.js';

/** One file to register: bytes in memory, or a local file streamed to the store. */
export type ArtifactSource =
  | { kind: 'bytes' /** Path inside the version (`model.json`). */; path: string; bytes: Uint8Array }
  | {
      kind: 'file' /** Path inside the version (`group1-shard1of1.bin`). */;
      path: string;
      localPath: string;
    };

/** Options of {@link registerModel}. */
export interface RegisterModelOptions {
  /** Model name (`churn-mlp`); created on its first registration. */
  name: string;
  /** Files of the version: tfjs `model.json` and weight shards, `preprocessing.json`, anything else. */
  artifacts: ArtifactSource[];
  signature: SignatureInput;
  /** Holdout metrics (finite numbers). */
  metrics: Record<string, number>;
  /** Per-segment metrics (default none). */
  segmentMetrics?: { column: string; segment: string; count?: number; metrics: Record<string, number> }[];
  /** Training parameters, plain JSON (default `{}`). */
  params?: Record<string, unknown>;
  lineage: LineageInput;
  /** Free-form string tags (default `{}`). */
  tags?: Record<string, string>;
  /** What the model is for (default empty). */
  description?: string;
  /** `generate` (default) adds `model-card.md` rendered from the record; `none` adds no card. */
  modelCard?: 'generate' | 'none';
}

const PLACEHOLDER_SHA = '0'.repeat(64);

/**
 * Registers a new version of a model: validates everything first, claims the next version number
 * atomically, uploads every artifact while hashing it (sha256 and size), adds the generated model card,
 * and writes `version.json` last with `putIfAbsent`, which makes the version visible. On any failure the
 * uploaded files are deleted and {@link RegistrationFailedError} is thrown: nothing readable is left, and
 * the claimed number is never reused. Returns the stored record.
 */
export async function registerModel(
  registry: ModelRegistry,
  options: RegisterModelOptions,
): Promise<ModelVersion> {
  const createdAtMs = registry.now();
  const draft = validateRegistration(options, createdAtMs);
  const version = await allocateVersion(registry, draft.name, {
    registrationId: registry.randomId(),
    claimedAtMs: createdAtMs,
  });
  let step = 'upload artifacts';
  try {
    const artifacts: Artifact[] = [];
    for (const source of options.artifacts) {
      step = `upload ${source.path}`;
      artifacts.push(await uploadArtifact(registry, draft.name, version, source));
    }
    let record: ModelVersion = { ...draft, version, artifacts };
    if ((options.modelCard ?? 'generate') === 'generate') {
      step = `upload ${MODEL_CARD_PATH}`;
      const card = new TextEncoder().encode(generateModelCard(record));
      const cardSource: ArtifactSource = { kind: 'bytes', path: MODEL_CARD_PATH, bytes: card };
      record = {
        ...record,
        artifacts: [...artifacts, await uploadArtifact(registry, draft.name, version, cardSource)],
      };
    }
    step = 'write version.json';
    await writeRecord(registry, record);
    return record;
  } catch (error) {
    if (!(error instanceof RegistrationFailedError)) {
      await discardVersion(registry, draft.name, version).catch(() => undefined);
    }
    throw error instanceof RegistrationFailedError
      ? error
      : new RegistrationFailedError(draft.name, version, step, { cause: error });
  }
}

/** Checks the whole registration (names, paths, signature, metrics, params, lineage) before any write. */
function validateRegistration(options: RegisterModelOptions, createdAtMs: number): ModelVersion {
  const withCard = (options.modelCard ?? 'generate') === 'generate';
  if (withCard && options.artifacts.some((a) => a.path === MODEL_CARD_PATH)) {
    throw new InvalidModelInputError(
      `artifact \`${MODEL_CARD_PATH}\` would be replaced by the generated card; pass \`modelCard: 'none'\` to keep yours`,
      'artifacts',
    );
  }
  for (const [i, source] of options.artifacts.entries()) {
    if (source.kind === 'bytes' && !(source.bytes instanceof Uint8Array)) {
      throw new InvalidModelInputError(
        `artifact \`${source.path}\` has no bytes; pass a Uint8Array`,
        `artifacts.${i}`,
      );
    }
  }
  return parseInput(
    ModelVersionSchema,
    {
      formatVersion: MODEL_VERSION_FORMAT,
      name: options.name,
      version: 1,
      createdAtMs,
      description: options.description,
      tags: options.tags,
      artifacts: options.artifacts.map((a) => ({ path: a.path, sha256: PLACEHOLDER_SHA, size: 0 })),
      signature: options.signature,
      metrics: options.metrics,
      segmentMetrics: options.segmentMetrics,
      params: options.params,
      lineage: options.lineage,
    },
    'registration',
  );
}

async function uploadArtifact(
  registry: ModelRegistry,
  name: string,
  version: number,
  source: ArtifactSource,
): Promise<Artifact> {
  const key = registry.keys.artifact(name, version, source.path);
  if (source.kind === 'bytes') {
    await registry.store.put(key, source.bytes);
    return { path: source.path, ...sha256Bytes(source.bytes) };
  }
  const digest = await sha256File(source.localPath);
  await registry.store.putFile(key, source.localPath);
  return { path: source.path, ...digest };
}

/**
 * Creates `version.json`. When the call fails (a lost response) the record may still have landed: it counts
 * as written if the stored bytes are exactly ours.
 */
async function writeRecord(registry: ModelRegistry, record: ModelVersion): Promise<void> {
  const key = registry.keys.record(record.name, record.version);
  const bytes = serializeModelVersion(record);
  let created: boolean;
  try {
    created = await registry.store.putIfAbsent(key, bytes);
  } catch (error) {
    const stored = await registry.store.get(key).catch(() => undefined);
    if (stored !== undefined && Buffer.from(stored).equals(bytes)) return;
    throw error;
  }
  if (created) return;
  const stored = await registry.store.get(key);
  if (Buffer.from(stored).equals(bytes)) return;
  // Someone else's record sits under the version this registration claimed: leave it untouched.
  throw new RegistrationFailedError(record.name, record.version, 'write version.json', {
    cause: new Error(`\`${key}\` already holds another record`),
  });
}
