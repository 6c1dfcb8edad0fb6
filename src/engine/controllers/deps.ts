// What every control-plane component and node agent gets: an API client (its only way to the
// cluster state) and its shared informers, the clock, the seeded PRNG, the event recorder and the registry.

import type { Registry, ResourceType } from '../api/registry';
import type { EngineClient } from '../client/client';
import type { EventRecorder } from '../client/events';
import type { InformerFactory } from '../client/informer-factory';
import type { Clock, Random } from '../clock';

export interface ComponentDeps {
  client: EngineClient;
  /** The cluster's shared informers: components watch through them, never through private caches. */
  informers: InformerFactory;
  clock: Clock;
  random: Random;
  events: EventRecorder;
  registry: Registry;
  /** The resource type of a kind (`type('apps', 'Deployment')`); throws for unknown kinds. */
  type(group: string, kind: string): ResourceType;
}

/** A component the cluster starts: controllers, the scheduler, kubelets. */
export interface Component {
  /** Starts watching (informers list+watch) and reconciling. */
  start(): void;
  /** Stops watching (control-plane restart, node removal). */
  stop?(): void;
}

export type ComponentFactory = (deps: ComponentDeps) => Component;
