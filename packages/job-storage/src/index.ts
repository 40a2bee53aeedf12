export { commandLineLayer } from './command-line-layer.js';
export { type AwsClients, createAwsClients } from './create-aws-clients.js';
export { describeStoragePlan } from './describe-storage-plan.js';
export { InvalidStorageConfigError } from './errors.js';
export { type OpenObjectStoreOptions, openObjectStore } from './open-object-store.js';
export { type AthenaConnection, type OpenStorageOptions, openStorage, type Storage } from './open-storage.js';
export { type PlanJobStorageOptions, planJobStorage } from './plan-job-storage.js';
export {
  type AthenaPlan,
  type PlanStorageOptions,
  planStorage,
  type StorageLayer,
  type StoragePlan,
} from './plan-storage.js';
export { readStorageFile } from './read-storage-file.js';
export { type SplitConfig, splitStorageFields } from './split-storage-fields.js';
export {
  type AthenaSettings,
  AthenaSettingsSchema,
  type AwsSettings,
  AwsSettingsSchema,
  STORAGE_KEYS,
  type StorageConfigInput,
  StorageConfigSchema,
} from './storage-config.js';
export {
  formatStoreLocation,
  resolveStoreLocation,
  type StoreLocation,
  StoreLocationSchema,
} from './store-location.js';
