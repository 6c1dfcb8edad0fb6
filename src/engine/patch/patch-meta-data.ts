// The strategic-merge metadata of the built-in Kubernetes types, as data: the `patchStrategy` /
// `patchMergeKey` struct tags of k8s.io/api v0.32 (and meta/v1 ObjectMeta), pruned to the
// types on a path to a tagged field. Anything not listed patches with JSON-merge semantics.

/**
 * Type name -> field -> spec. A spec is `strategies/mergeKey:ElementOrFieldType`, each part
 * optional: 'merge/name:Container' is a list merged by `name` whose items are Containers,
 * ':PodSpec' only says which type the field holds, 'retainKeys' a struct patched with retainKeys.
 */
export const PATCH_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ObjectMeta: { ownerReferences: 'merge/uid', finalizers: 'merge' },
  // core/v1
  PodTemplateSpec: { metadata: ':ObjectMeta', spec: ':PodSpec' },
  PodSpec: {
    volumes: 'merge,retainKeys/name:Volume',
    initContainers: 'merge/name:Container',
    containers: 'merge/name:Container',
    ephemeralContainers: 'merge/name:Container',
    imagePullSecrets: 'merge/name',
    hostAliases: 'merge/ip',
    topologySpreadConstraints: 'merge/topologyKey',
    schedulingGates: 'merge/name',
    resourceClaims: 'merge,retainKeys/name',
  },
  Volume: { ephemeral: ':EphemeralVolumeSource' },
  EphemeralVolumeSource: { volumeClaimTemplate: ':PersistentVolumeClaimTemplate' },
  PersistentVolumeClaimTemplate: { metadata: ':ObjectMeta' },
  Container: { ports: 'merge/containerPort', env: 'merge/name', volumeMounts: 'merge/mountPath', volumeDevices: 'merge/devicePath' },
  Pod: { spec: ':PodSpec', status: ':PodStatus' },
  PodStatusResult: { status: ':PodStatus' },
  PodStatus: {
    conditions: 'merge/type',
    hostIPs: 'merge/ip',
    podIPs: 'merge/ip',
    initContainerStatuses: ':ContainerStatus',
    containerStatuses: ':ContainerStatus',
    ephemeralContainerStatuses: ':ContainerStatus',
    resourceClaimStatuses: 'merge,retainKeys/name',
  },
  ContainerStatus: { volumeMounts: 'merge/mountPath', allocatedResourcesStatus: 'merge/name' },
  PodTemplate: { template: ':PodTemplateSpec' },
  ReplicationController: { spec: ':ReplicationControllerSpec', status: ':ConditionsStatus' },
  ReplicationControllerSpec: { template: ':PodTemplateSpec' },
  Service: { spec: ':ServiceSpec', status: ':ConditionsStatus' },
  ServiceSpec: { ports: 'merge/port' },
  ServiceAccount: { secrets: 'merge/name' },
  Namespace: { status: ':ConditionsStatus' },
  Node: { spec: ':NodeSpec', status: ':NodeStatus' },
  NodeSpec: { podCIDRs: 'merge' },
  NodeStatus: { conditions: 'merge/type', addresses: 'merge/type' },
  PersistentVolumeClaim: { status: ':ConditionsStatus' },
  ComponentStatus: { conditions: 'merge/type' },
  // Every status whose only tagged field is `conditions` merged by type.
  ConditionsStatus: { conditions: 'merge/type' },
  // apps/v1
  Deployment: { spec: ':DeploymentSpec', status: ':ConditionsStatus' },
  DeploymentSpec: { template: ':PodTemplateSpec', strategy: 'retainKeys' },
  ReplicaSet: { spec: ':TemplateSpec', status: ':ConditionsStatus' },
  DaemonSet: { spec: ':TemplateSpec', status: ':ConditionsStatus' },
  StatefulSet: { spec: ':StatefulSetSpec', status: ':ConditionsStatus' },
  StatefulSetSpec: { template: ':PodTemplateSpec', volumeClaimTemplates: ':PersistentVolumeClaim' },
  // A spec whose only path to tagged fields is its pod `template`.
  TemplateSpec: { template: ':PodTemplateSpec' },
  // batch/v1
  Job: { spec: ':TemplateSpec', status: ':ConditionsStatus' },
  CronJob: { spec: ':CronJobSpec' },
  CronJobSpec: { jobTemplate: ':JobTemplateSpec' },
  JobTemplateSpec: { metadata: ':ObjectMeta', spec: ':TemplateSpec' },
  // autoscaling/v2, policy/v1, flowcontrol/v1, storage/v1
  HorizontalPodAutoscaler: { status: ':ConditionsStatus' },
  PodDisruptionBudget: { spec: ':PodDisruptionBudgetSpec', status: ':ConditionsStatus' },
  PodDisruptionBudgetSpec: { selector: 'replace' },
  FlowSchema: { status: ':ConditionsStatus' },
  PriorityLevelConfiguration: { status: ':ConditionsStatus' },
  CSINode: { spec: ':CSINodeSpec' },
  CSINodeSpec: { drivers: 'merge/name' },
  // admissionregistration/v1
  MutatingWebhookConfiguration: { webhooks: 'merge/name:Webhook' },
  ValidatingWebhookConfiguration: { webhooks: 'merge/name:Webhook' },
  Webhook: { matchConditions: 'merge/name' },
  ValidatingAdmissionPolicy: { spec: ':ValidatingAdmissionPolicySpec' },
  ValidatingAdmissionPolicySpec: { matchConditions: 'merge/name', variables: 'merge/name' },
};

/** The built-in kinds of each apiVersion: these are patched strategically (kubectl's scheme). */
export const BUILTIN_KINDS: Readonly<Record<string, string>> = {
  v1: 'Binding ComponentStatus ConfigMap Endpoints Event LimitRange Namespace Node PersistentVolume PersistentVolumeClaim Pod PodStatusResult PodTemplate RangeAllocation ReplicationController ResourceQuota Secret Service ServiceAccount',
  'apps/v1': 'ControllerRevision DaemonSet Deployment ReplicaSet StatefulSet',
  'batch/v1': 'CronJob Job',
  'autoscaling/v1': 'HorizontalPodAutoscaler Scale',
  'autoscaling/v2': 'HorizontalPodAutoscaler',
  'networking.k8s.io/v1': 'Ingress IngressClass NetworkPolicy',
  'policy/v1': 'Eviction PodDisruptionBudget',
  'discovery.k8s.io/v1': 'EndpointSlice',
  'events.k8s.io/v1': 'Event',
  'rbac.authorization.k8s.io/v1': 'ClusterRole ClusterRoleBinding Role RoleBinding',
  'storage.k8s.io/v1': 'CSIDriver CSINode CSIStorageCapacity StorageClass VolumeAttachment',
  'scheduling.k8s.io/v1': 'PriorityClass',
  'coordination.k8s.io/v1': 'Lease',
  'node.k8s.io/v1': 'RuntimeClass',
  'certificates.k8s.io/v1': 'CertificateSigningRequest',
  'flowcontrol.apiserver.k8s.io/v1': 'FlowSchema PriorityLevelConfiguration',
  'admissionregistration.k8s.io/v1':
    'MutatingWebhookConfiguration ValidatingAdmissionPolicy ValidatingAdmissionPolicyBinding ValidatingWebhookConfiguration',
};

/** Root types that differ from the kind's name in PATCH_TYPES ('' = metadata only). */
export const ROOT_OVERRIDES: Readonly<Record<string, string>> = {
  // autoscaling/v1's HPA has no conditions list (they live in an annotation).
  'autoscaling/v1 HorizontalPodAutoscaler': '',
};
