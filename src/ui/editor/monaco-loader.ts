// Loads Monaco, its workers, monaco-yaml and the Kubernetes schema on first use (dynamic imports
// only, so none of it is in the initial bundle and the terminal is usable before it arrives).
import type * as MonacoApi from 'monaco-editor/editor/editor.api';

export type Monaco = typeof MonacoApi;

/** What the source says hovers come from; never fetched (enableSchemaRequest is off). */
export const SCHEMA_URI = 'https://kubeplay.local/schemas/kubernetes.json';

let loading: Promise<Monaco> | undefined;

/** Loads (once) and configures Monaco with YAML + the Kubernetes schema. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined; // a failed chunk download (offline) may be retried later
    throw e;
  });
  return loading;
}

async function load(): Promise<Monaco> {
  // The slim entry points: `monaco-editor` itself would also bundle the 6.9 MB TypeScript worker.
  const [monaco, , yaml, EditorWorker, YamlWorker, schema] = await Promise.all([
    import('monaco-editor/editor/editor.api'),
    import('monaco-editor/languages/definitions/yaml/register'),
    import('monaco-yaml'),
    import('monaco-editor/editor/editor.worker?worker').then((m) => m.default),
    import('monaco-yaml/yaml.worker.js?worker').then((m) => m.default),
    import('./schema/kubernetes.schema.json').then((m) => m.default as unknown),
  ]);
  globalThis.MonacoEnvironment = {
    getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
  };
  patchCreateWebWorker(monaco);
  yaml.configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: schema as object }],
  });
  followSystemTheme(monaco);
  return monaco;
}

/** The options monaco-worker-manager 2.0.1 (inside monaco-yaml) still passes. */
interface LegacyWorkerOptions {
  label?: string;
  createData?: unknown;
  host?: Record<string, (...args: unknown[]) => unknown>;
  keepIdleModels?: boolean;
}

/**
 * Monaco >= 0.55 wants `createWebWorker({ worker })`; monaco-yaml's worker manager still calls the
 * old `{ moduleId, label, createData }` form, which now starts no language service (no markers).
 * Make the worker ourselves and speak the old start-up: a first message that wakes
 * monaco-worker-manager's stub, then createData, which starts the YAML service.
 */
function patchCreateWebWorker(monaco: Monaco): void {
  const original = monaco.editor.createWebWorker;
  const patched = (opts: Parameters<typeof original>[0] | LegacyWorkerOptions) => {
    if ('worker' in opts && opts.worker) return original(opts);
    const legacy = opts as LegacyWorkerOptions;
    const worker = globalThis.MonacoEnvironment?.getWorker?.('workerMain.js', legacy.label ?? '') as Worker;
    worker.postMessage('ignore');
    worker.postMessage(legacy.createData);
    return original({ worker, host: legacy.host, keepIdleModels: legacy.keepIdleModels });
  };
  (monaco.editor as { createWebWorker: unknown }).createWebWorker = patched;
}

/** Light or dark Monaco theme following the system setting, live. */
function followSystemTheme(monaco: Monaco): void {
  const query = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = (): void => monaco.editor.setTheme(query?.matches ? 'vs-dark' : 'vs');
  apply();
  query?.addEventListener('change', apply);
}
