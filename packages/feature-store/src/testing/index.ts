export { type CatalogFixture, describeCatalogContract } from './catalog-contract.js';
export {
  type FaultRule,
  FaultyObjectStore,
  InjectedFaultError,
  type ObjectStoreCall,
  type ObjectStoreOperation,
} from './faulty-object-store.js';
export { type MotoServer, startMotoServer } from './moto-server.js';
export {
  describeObjectStoreContract,
  INVALID_KEYS,
  type ObjectStoreFixture,
} from './object-store-contract.js';
export { describeOnlineStoreContract, type OnlineStoreFixture } from './online-store-contract.js';
export { type RedisServer, startRedisServer } from './redis-server.js';
export { sampleTableMetadata } from './sample-table-metadata.js';
export {
  type TempWarehouse,
  type TempWarehouseOptions,
  useTempWarehouse,
} from './temp-warehouse.js';
