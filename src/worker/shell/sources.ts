// The live side of Tab completion: the session's files, the registry's resource names and the
// names of live objects, read through the engine's client (what `kubectl get` would list).

import type { ResourceType } from '../../engine/api/registry';
import type { Session } from '../../headless/session';
import type { CompletionSource } from '../completion';

/** The resource type a word names (plural, singular, short name or Kind), any group. */
function typeFor(types: readonly ResourceType[], word: string): ResourceType | undefined {
  const w = word.toLowerCase().split('.')[0];
  return types.find((t) => t.plural === w || t.singular === w || t.shortNames.includes(w) || t.kind.toLowerCase() === w);
}

export function clusterSource(session: Session, currentNamespace: () => string): CompletionSource {
  const cluster = session.cluster;
  const types = () => cluster.registry.types.filter((t) => t.verbs.includes('list'));
  return {
    files: () => [...session.files.keys()].sort(),
    resourceWords: () => types().flatMap((t) => [t.plural, t.singular, ...t.shortNames]),
    objectNames(word, namespace) {
      const t = typeFor(types(), word);
      if (!t) return [];
      return cluster.client.list(t, t.namespaced ? namespace : undefined).items.map((o) => o.metadata.name ?? '');
    },
    namespaces: () => cluster.client.list(cluster.type('', 'Namespace')).items.map((o) => o.metadata.name ?? ''),
    currentNamespace,
  };
}
