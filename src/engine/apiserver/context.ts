// What every request handler needs: the store, the registry, virtual time, the seeded PRNG,
// per-kind strategies and the admission chain.

import type { Clock, Random } from '../clock';
import type { Registry, ResourceType } from '../api/registry';
import type { KindStrategy } from '../api/strategy';
import type { KObject } from '../api/types';
import type { Store } from '../store/store';
import type { KindPrinter } from './printers/types';
import type { NodeAgents } from '../kubelet/agents';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionAttributes {
  operation: Operation;
  type: ResourceType;
  namespace: string;
  name: string;
  subresource?: string;
  /** The object being written (mutable in `admit`); for DELETE the current object. */
  object: KObject;
  oldObject?: KObject;
  dryRun: boolean;
}

/** An admission plugin: `admit` may change the object (mutating), `validate` may only refuse (throw ApiError). */
export interface AdmissionPlugin {
  name: string;
  admit?(a: AdmissionAttributes, ctx: ServerContext): void;
  validate?(a: AdmissionAttributes, ctx: ServerContext): void;
}

export interface ServerContext {
  clock: Clock;
  random: Random;
  store: Store;
  registry: Registry;
  strategyFor(t: ResourceType): KindStrategy;
  printerFor(t: ResourceType): KindPrinter;
  admission: AdmissionPlugin[];
  /** The kubelets, for pods/log and pods/exec (the apiserver's proxy to nodes). */
  agents?: NodeAgents;
}

/** What the read side (get, list, watch, Tables) needs: no strategies, admission or kubelets. */
export type ReadContext = Pick<ServerContext, 'clock' | 'registry' | 'printerFor'> & { store: ReadStore };

/** The store as the read side uses it (the worker's kept answers pass one that notes what is read). */
export type ReadStore = Pick<Store, 'get' | 'list' | 'watch'>;

/**
 * Keys computed once per type object (a request asks for them several times): the same string
 * each time also keeps its hash, so the Map lookups they feed do not hash a new string. Type
 * objects are never changed once made (the registry's, or a caller's constant).
 */
const storeKeys = new WeakMap<object, string>();
const kindKeys = new WeakMap<object, string>();

/** The store's key for a resource type: `apps/deployments`, `/pods`. */
export function storeKey(t: Pick<ResourceType, 'group' | 'plural'>): string {
  let k = storeKeys.get(t);
  if (k === undefined) storeKeys.set(t, (k = `${t.group}/${t.plural}`));
  return k;
}

/** `apps/Deployment`, `/Pod`: the key of per-kind tables. */
export function kindKey(t: Pick<ResourceType, 'group' | 'kind'>): string {
  let k = kindKeys.get(t);
  if (k === undefined) kindKeys.set(t, (k = `${t.group}/${t.kind}`));
  return k;
}
