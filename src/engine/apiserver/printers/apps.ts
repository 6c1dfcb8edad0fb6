// `kubectl get` columns for the apps/v1 workloads: printers.go printDeployment, printReplicaSet,
// printStatefulSet, printDaemonSet and printControllerRevision.

import type { KindPrinter } from './types';
import {
  CONTAINERS_DESC,
  IMAGES_DESC,
  ageCol,
  ageOf,
  col,
  containerCells,
  formatLabelSelector,
  formatLabels,
  nameCol,
  nameOf,
  selectorOrInvalid,
  specOf,
  statusOf,
  templateSpec,
} from './common';
import { int, obj, objs, optInt, str } from './fields';
import * as d from './descriptions';

/** The three `-o wide` template columns most workloads end with. */
function wideTemplateCols(selectorDesc: string) {
  return [
    col('Containers', 'string', CONTAINERS_DESC, 1),
    col('Images', 'string', IMAGES_DESC, 1),
    col('Selector', 'string', selectorDesc, 1),
  ];
}

/** spec.replicas; the apiserver defaults a missing value to 1 when it decodes, so absent reads as 1. */
const replicasOf = (spec: Record<string, unknown>): number => optInt(spec.replicas) ?? 1;

export const deploymentPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', d.DEPLOY_UPDATED),
    col('Available', 'string', d.DEPLOY_AVAILABLE),
    ageCol(),
    ...wideTemplateCols(d.DEPLOY_SELECTOR),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const [names, images] = containerCells(templateSpec(spec));
    return [
      nameOf(o),
      `${int(status.readyReplicas)}/${replicasOf(spec)}`,
      int(status.updatedReplicas),
      int(status.availableReplicas),
      ageOf(o, now),
      names,
      images,
      selectorOrInvalid(spec.selector),
    ];
  },
};

export const replicaSetPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Desired', 'integer', d.RS_REPLICAS),
    col('Current', 'integer', d.RS_STATUS_REPLICAS),
    col('Ready', 'integer', d.RS_READY),
    ageCol(),
    ...wideTemplateCols(d.RS_SELECTOR),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const [names, images] = containerCells(templateSpec(spec));
    return [
      nameOf(o),
      replicasOf(spec),
      int(status.replicas),
      int(status.readyReplicas),
      ageOf(o, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

export const statefulSetPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Ready', 'string', 'Number of the pod with ready state'),
    ageCol(),
    col('Containers', 'string', CONTAINERS_DESC, 1),
    col('Images', 'string', IMAGES_DESC, 1),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const [names, images] = containerCells(templateSpec(spec));
    return [nameOf(o), `${int(statusOf(o).readyReplicas)}/${replicasOf(spec)}`, ageOf(o, now), names, images];
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Desired', 'integer', d.DS_DESIRED),
    col('Current', 'integer', d.DS_CURRENT),
    col('Ready', 'integer', d.DS_READY),
    col('Up-to-date', 'integer', d.DS_UPDATED),
    col('Available', 'integer', d.DS_AVAILABLE),
    col('Node Selector', 'string', d.POD_NODE_SELECTOR),
    ageCol(),
    ...wideTemplateCols(d.DS_SELECTOR),
  ],
  cells(o, now) {
    const spec = specOf(o);
    const status = statusOf(o);
    const podSpec = templateSpec(spec);
    const [names, images] = containerCells(podSpec);
    return [
      nameOf(o),
      int(status.desiredNumberScheduled),
      int(status.currentNumberScheduled),
      int(status.numberReady),
      int(status.updatedNumberScheduled),
      int(status.numberAvailable),
      formatLabels(podSpec.nodeSelector),
      ageOf(o, now),
      names,
      images,
      formatLabelSelector(spec.selector),
    ];
  },
};

/**
 * The controller owner as `kind[.group]/name`, lower-cased (formatResourceName of the
 * controllerRef's GroupKind), or `<none>`.
 */
function controllerName(ownerReferences: unknown): string {
  const ref = objs(ownerReferences).find((r) => r.controller === true);
  if (!ref) return '<none>';
  const apiVersion = str(ref.apiVersion);
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const kind = str(ref.kind);
  const name = str(ref.name);
  if (kind === '' && group === '') return name;
  return `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${name}`;
}

export const controllerRevisionPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Controller', 'string', 'Controller of the object'),
    col('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
    ageCol(),
  ],
  cells(o, now) {
    return [nameOf(o), controllerName(obj(o.metadata).ownerReferences), int(o.revision), ageOf(o, now)];
  },
};
