// `virtual:fresh-cluster`: a fresh default cluster, created and warmed up when the bundle is built
// (or Vitest starts), snapshotted as JSON text. The worker restores it moved to the visitor's clock
// (src/worker/fresh/) instead of running the warm-up, so it ships as part of the initial JS.
import type { Plugin } from 'vite';
import { tsImport } from 'tsx/esm/api';

/** The engine is loaded through tsx when the module is first asked for, not bundled into the config. */
async function snapshotText(): Promise<string> {
  const { createCluster } = (await tsImport('../src/engine/cluster.ts', import.meta.url)) as typeof import('../src/engine/cluster');
  const { snapshotCluster } = (await tsImport('../src/engine/snapshot.ts', import.meta.url)) as typeof import('../src/engine/snapshot');
  const { DEFAULT_NODES, FRESH_SEED, FRESH_SNAPSHOT_TIME } = (await tsImport('../src/worker/fresh/constants.ts', import.meta.url)) as typeof import('../src/worker/fresh/constants');
  const c = createCluster({ seed: FRESH_SEED, nodes: DEFAULT_NODES, startTime: FRESH_SNAPSHOT_TIME });
  c.settle();
  return JSON.stringify(snapshotCluster(c));
}

const ID = 'virtual:fresh-cluster';
const RESOLVED = '\0' + ID;

let code: Promise<string> | undefined;

/** The page's and the worker's builds share one snapshot (it is made once per process). */
export function freshClusterPlugin(): Plugin {
  return {
    name: 'kubeplay-fresh-cluster',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      // A string literal parses faster than the same data as an object literal (JSON.parse).
      code ??= snapshotText().then((json) => `export const FRESH_CLUSTER_JSON = ${JSON.stringify(json)};\n`);
      return code;
    },
  };
}
