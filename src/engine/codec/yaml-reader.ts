// The apiserver's reader for YAML request bodies (server-side apply), loaded on demand: the `yaml`
// package is the engine's largest dependency, and a cluster that is only sent JSON never needs it.
import type { ManifestParse } from './yaml-parse';

let reader: ((text: string) => ManifestParse) | undefined;
let loading: Promise<void> | undefined;

/**
 * Loads the YAML reader (once). A host that can be sent YAML bodies (the HTTP front, a journal
 * replayed from a link) awaits it before it serves them; the browser worker loads it after boot.
 */
export function loadYamlReader(): Promise<void> {
  loading ??= import('./yaml-parse').then((m) => {
    reader = m.parseManifestStream;
  });
  return loading;
}

/** Parses a YAML (or JSON) request body as parseManifestStream does; the reader must be loaded. */
export function parseYamlBody(text: string): ManifestParse {
  if (!reader) throw new Error('a YAML request body arrived before the YAML reader was loaded (loadYamlReader)');
  return reader(text);
}
