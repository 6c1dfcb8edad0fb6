// The build-time snapshot of a fresh cluster (scripts/vite-fresh-cluster.ts), as JSON text.
declare module 'virtual:fresh-cluster' {
  export const FRESH_CLUSTER_JSON: string;
}
