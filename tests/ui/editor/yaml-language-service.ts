// Test harness: runs monaco-yaml's own worker (yaml-language-server, as the browser runs it) in
// Node, so schema tests see the markers, completions and hovers the editor will show.
import { register } from 'node:module';

/** The service object monaco-yaml's worker hands to Monaco (the methods the tests use). */
export interface YamlService {
  doValidation(uri: string): Promise<{ message: string; severity: number; range: { start: { line: number; character: number } } }[]>;
  doComplete(uri: string, position: { line: number; character: number }): Promise<{ items: { label: string }[] }>;
  doHover(uri: string, position: { line: number; character: number }): Promise<{ contents: unknown } | null>;
}

type Factory = (ctx: unknown, createData: unknown) => YamlService;
const GLOBAL = '__kubeplayYamlWorkerFactory';
let version = 0;

/**
 * monaco-yaml's worker calls `initialize(factory)` from monaco-worker-manager, which needs a real
 * Worker; a module hook swaps that one import for a stub that hands the factory to us instead.
 * path-browserify (CommonJS, whose namespace import Node cannot see through) becomes node:path.
 */
async function factory(): Promise<Factory> {
  const g = globalThis as unknown as Record<string, Factory | undefined>;
  if (!g[GLOBAL]) {
    const stub = `export function initialize(fn) { globalThis.${GLOBAL} = fn; }`;
    const hooks = `export async function resolve(spec, ctx, next) {
      if (spec === 'monaco-worker-manager/worker') return { url: 'data:text/javascript,' + encodeURIComponent(${JSON.stringify(stub)}), shortCircuit: true };
      if (spec === 'path-browserify') return { url: 'node:path', shortCircuit: true };
      return next(spec, ctx);
    }`;
    register('data:text/javascript,' + encodeURIComponent(hooks));
    await import('monaco-yaml/yaml.worker.js');
  }
  const f = g[GLOBAL];
  if (!f) throw new Error('monaco-yaml worker did not initialize');
  return f;
}

/** A language service over one in-memory document, configured as EditorPane configures Monaco. */
export async function yamlService(schema: unknown, text: () => string, uri = 'file:///session/deploy.yaml'): Promise<YamlService> {
  const make = await factory();
  // yaml-language-server caches parsed documents by uri + version: a fresh version per call keeps
  // one test's text from answering for another's.
  const ctx = { getMirrorModels: () => [{ uri, version: ++version, getValue: text }] };
  return make(ctx, {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    schemas: [{ uri: 'https://kubeplay.local/schemas/kubernetes.json', fileMatch: ['*'], schema }],
  });
}
