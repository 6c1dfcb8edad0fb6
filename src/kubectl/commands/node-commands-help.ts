// Help texts and flags of `kubectl cordon|uncordon|drain|taint`, as kubectl v1.32 prints them.

import type { FlagSpec } from '../cli/flags';
import { DRY_RUN_FLAG, VALIDATE_FLAG } from './common-flags';

export const CORDON_HELP = {
  use: "cordon NODE",
  short: "Mark node as unschedulable",
  long: `Mark node as unschedulable.`,
  example: `  # Mark node "foo" as unschedulable
  kubectl cordon foo`,
  flags: [
    DRY_RUN_FLAG,
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ] as FlagSpec[],
};

export const UNCORDON_HELP = {
  use: "uncordon NODE",
  short: "Mark node as schedulable",
  long: `Mark node as schedulable.`,
  example: `  # Mark node "foo" as schedulable
  kubectl uncordon foo`,
  flags: [
    DRY_RUN_FLAG,
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ] as FlagSpec[],
};

export const DRAIN_HELP = {
  use: "drain NODE",
  short: "Drain node in preparation for maintenance",
  long: `Drain node in preparation for maintenance.

 The given node will be marked unschedulable to prevent new pods from arriving. 'drain' evicts the pods if the API server supports https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ eviction https://kubernetes.io/docs/concepts/workloads/pods/disruptions/ . Otherwise, it will use normal DELETE to delete the pods. The 'drain' evicts or deletes all pods except mirror pods (which cannot be deleted through the API server).  If there are daemon set-managed pods, drain will not proceed without --ignore-daemonsets, and regardless it will not delete any daemon set-managed pods, because those pods would be immediately replaced by the daemon set controller, which ignores unschedulable markings.  If there are any pods that are neither mirror pods nor managed by a replication controller, replica set, daemon set, stateful set, or job, then drain will not delete any pods unless you use --force.  --force will also allow deletion to proceed if the managing resource of one or more pods is missing.

 'drain' waits for graceful termination. You should not operate on the machine until the command completes.

 When you are ready to put the node back into service, use kubectl uncordon, which will make the node schedulable again.

https://kubernetes.io/images/docs/kubectl_drain.svg Workflowhttps://kubernetes.io/images/docs/kubectl_drain.svg`,
  example: `  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it
  kubectl drain foo --force
  
  # As above, but abort if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set, and use a grace period of 15 minutes
  kubectl drain foo --grace-period=900`,
  flags: [
    { name: "chunk-size", type: "int", default: 500, usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    { name: "delete-emptydir-data", type: "bool", default: false, usage: "Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained)." },
    { name: "disable-eviction", type: "bool", default: false, usage: "Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution." },
    DRY_RUN_FLAG,
    { name: "force", type: "bool", default: false, usage: "Continue even if there are pods that do not declare a controller." },
    { name: "grace-period", type: "int", default: -1, usage: "Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used." },
    { name: "ignore-daemonsets", type: "bool", default: false, usage: "Ignore DaemonSet-managed pods." },
    { name: "pod-selector", type: "string", default: "", usage: "Label selector to filter pods on the node" },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "skip-wait-for-delete-timeout", type: "int", default: 0, usage: "If pod DeletionTimestamp older than N seconds, skip waiting for the pod.  Seconds must be greater than 0 to skip." },
    { name: "timeout", type: "duration", default: "0s", usage: "The length of time to wait before giving up, zero means infinite" },
  ] as FlagSpec[],
};

export const TAINT_HELP = {
  use: "taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N",
  short: "Update the taints on one or more nodes",
  long: `Update the taints on one or more nodes.

  *  A taint consists of a key, value, and effect. As an argument here, it is expressed as key=value:effect.
  *  The key must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 253 characters.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  The value is optional. If given, it must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters.
  *  The effect must be NoSchedule, PreferNoSchedule or NoExecute.
  *  Currently taint can only apply to node.`,
  example: `  # Update node 'foo' with a taint with key 'dedicated' and value 'special-user' and effect 'NoSchedule'
  # If a taint with that key and effect already exists, its value is replaced as specified
  kubectl taint nodes foo dedicated=special-user:NoSchedule
  
  # Remove from node 'foo' the taint with key 'dedicated' and effect 'NoSchedule' if one exists
  kubectl taint nodes foo dedicated:NoSchedule-
  
  # Remove from node 'foo' all the taints with key 'dedicated'
  kubectl taint nodes foo dedicated-
  
  # Add a taint with key 'dedicated' on nodes having label myLabel=X
  kubectl taint node -l myLabel=X  dedicated=foo:PreferNoSchedule
  
  # Add to node 'foo' a taint with key 'bar' and no value
  kubectl taint nodes foo bar:NoSchedule`,
  flags: [
    { name: "all", type: "bool", default: false, usage: "Select all nodes in the cluster" },
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    DRY_RUN_FLAG,
    { name: "field-manager", type: "string", default: "kubectl-taint", usage: "Name of the manager used to track field ownership." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "overwrite", type: "bool", default: false, usage: "If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    VALIDATE_FLAG,
  ] as FlagSpec[],
};

