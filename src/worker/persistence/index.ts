// The persistence layer's public surface: the Persistence class and the types the worker uses.

export { Persistence, type LoadResult, type PersistenceOptions, type Scheduler } from './persistence';
export { idbKV, memoryKV, type KV } from './kv';
export { FORMAT, CHUNK } from './format';
