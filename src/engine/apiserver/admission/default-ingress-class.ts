// DefaultIngressClass admission (plugin/pkg/admission/network/defaultingressclass): an Ingress
// created without a class gets the IngressClass marked `ingressclass.kubernetes.io/is-default-class`.

import { ApiError, statusFailure } from '../status';
import type { AdmissionPlugin } from '../context';

const DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_ANNOTATION = 'kubernetes.io/ingress.class';

export const defaultIngressClass: AdmissionPlugin = {
  name: 'DefaultIngressClass',
  admit(a, ctx) {
    if (a.operation !== 'CREATE' || a.type.group !== 'networking.k8s.io' || a.type.kind !== 'Ingress' || a.subresource) return;
    const spec = (a.object.spec ?? (a.object.spec = {})) as { ingressClassName?: string };
    if (spec.ingressClassName || a.object.metadata.annotations?.[LEGACY_ANNOTATION]) return;
    const defaults = ctx.store.list('networking.k8s.io/ingressclasses').items.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true');
    if (defaults.length > 1) {
      throw new ApiError(
        statusFailure(403, 'Forbidden', `ingresses.networking.k8s.io "${a.name}" is forbidden: ${defaults.length} default IngressClasses were found, only 1 allowed`),
      );
    }
    if (defaults.length === 1) spec.ingressClassName = defaults[0].metadata.name;
  },
};
