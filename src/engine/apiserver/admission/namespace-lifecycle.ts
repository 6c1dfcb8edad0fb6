// NamespaceLifecycle admission (apiserver plugin/namespace/lifecycle): objects can only be
// created in a namespace that exists and is not being terminated; the four system namespaces
// cannot be deleted.

import { ApiError, forbidden, notFound, statusFailure } from '../status';
import type { AdmissionPlugin } from '../context';

const IMMORTAL = new Set(['default', 'kube-system', 'kube-public']);

export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  validate(a, ctx) {
    if (a.type.group === '' && a.type.kind === 'Namespace') {
      if (a.operation === 'DELETE' && IMMORTAL.has(a.name)) {
        throw forbidden('', 'namespaces', a.name, 'this namespace may not be deleted');
      }
      return;
    }
    if (!a.type.namespaced || a.operation !== 'CREATE') return;
    const ns = ctx.store.get('/namespaces', '', a.namespace);
    if (!ns) throw notFound('', 'namespaces', a.namespace);
    if (ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') {
      // Events about the namespace's own cleanup are still allowed upstream; nothing else is.
      throw new ApiError(
        statusFailure(
          403,
          'Forbidden',
          `${a.type.group ? `${a.type.plural}.${a.type.group}` : a.type.plural} "${a.name}" is forbidden: unable to create new content in namespace ${a.namespace} because it is being terminated`,
          { name: a.name, group: a.type.group || undefined, kind: a.type.plural, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' }] },
        ),
      );
    }
  },
};
