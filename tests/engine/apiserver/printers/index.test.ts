// printerFor: every kind in the registry maps to upstream's printer, or to the default table.
import { describe, expect, it } from 'vitest';
import { RESOURCE_TYPES } from '../../../../src/engine/api/registry';
import { defaultPrinter, printerFor } from '../../../../src/engine/apiserver/printers/index';

/** Each kind's column names (upper-cased, they are `kubectl get`'s headers). */
const want: Record<string, string[]> = {
  '/ConfigMap': ['Name', 'Data', 'Age'],
  '/Endpoints': ['Name', 'Endpoints', 'Age'],
  '/Event': ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name'],
  '/LimitRange': ['Name', 'Created At'],
  '/Namespace': ['Name', 'Status', 'Age'],
  '/Node': ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime'],
  '/PersistentVolumeClaim': ['Name', 'Status', 'Volume', 'Capacity', 'Access Modes', 'StorageClass', 'VolumeAttributesClass', 'Age', 'VolumeMode'],
  '/PersistentVolume': ['Name', 'Capacity', 'Access Modes', 'Reclaim Policy', 'Status', 'Claim', 'StorageClass', 'VolumeAttributesClass', 'Reason', 'Age', 'VolumeMode'],
  '/Pod': ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'],
  '/ResourceQuota': ['Name', 'Request', 'Limit', 'Age'],
  '/Secret': ['Name', 'Type', 'Data', 'Age'],
  '/ServiceAccount': ['Name', 'Secrets', 'Age'],
  '/Service': ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector'],
  'apps/ControllerRevision': ['Name', 'Controller', 'Revision', 'Age'],
  'apps/DaemonSet': ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers', 'Images', 'Selector'],
  'apps/Deployment': ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector'],
  'apps/ReplicaSet': ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector'],
  'apps/StatefulSet': ['Name', 'Ready', 'Age', 'Containers', 'Images'],
  'autoscaling/HorizontalPodAutoscaler': ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age'],
  'batch/CronJob': ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers', 'Images', 'Selector'],
  'batch/Job': ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector'],
  'coordination.k8s.io/Lease': ['Name', 'Holder', 'Age'],
  'discovery.k8s.io/EndpointSlice': ['Name', 'AddressType', 'Ports', 'Endpoints', 'Age'],
  'events.k8s.io/Event': ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name'],
  'networking.k8s.io/IngressClass': ['Name', 'Controller', 'Parameters', 'Age'],
  'networking.k8s.io/Ingress': ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age'],
  'storage.k8s.io/StorageClass': ['Name', 'Provisioner', 'ReclaimPolicy', 'VolumeBindingMode', 'AllowVolumeExpansion', 'Age'],
  'apiextensions.k8s.io/CustomResourceDefinition': ['Name', 'Created At'],
  // metrics-server's aggregated API has no server-side printer: the default table.
  'metrics.k8s.io/NodeMetrics': ['Name', 'Created At'],
  'metrics.k8s.io/PodMetrics': ['Name', 'Created At'],
};

describe('printerFor', () => {
  const rows = RESOURCE_TYPES.map((t) => ({ input: `${t.group}/${t.kind}`, group: t.group, kind: t.kind }));
  it.each(rows)('$input', ({ input, group, kind }) => {
    expect(want[input]).toBeDefined();
    expect(printerFor(group, kind).columns.map((c) => c.name)).toEqual(want[input]);
  });

  it('falls back to the default table for CRD instances', () => {
    expect(printerFor('example.com', 'Widget')).toBe(defaultPrinter);
    expect(printerFor('', 'Widget')).toBe(defaultPrinter);
  });

  it('gives as many cells as columns for an empty object of every kind', () => {
    for (const t of RESOURCE_TYPES) {
      const p = printerFor(t.group, t.kind);
      const cells = p.cells({ apiVersion: t.group ? `${t.group}/${t.version}` : t.version, kind: t.kind, metadata: {} }, 0);
      expect(cells.length, `${t.group}/${t.kind}`).toBe(p.columns.length);
    }
  });

  it('survives malformed fields', () => {
    for (const t of RESOURCE_TYPES) {
      const p = printerFor(t.group, t.kind);
      const junk = { apiVersion: 'v1', kind: t.kind, metadata: { name: 5, labels: 'x' } as never, spec: 'bad', status: [1], subsets: 'x', data: 3 };
      expect(() => p.cells(junk, 0)).not.toThrow();
    }
  });
});
