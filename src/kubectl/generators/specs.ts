// The generator commands' entries (path, help texts, flags) without their builders: what the
// command table (`create ...`, `run`, `expose`) needs up front. The builders (./index, each
// generator file spreads its entry) are imported when a generator command runs.
import type { FlagSpec } from '../cli/flags';
import { HELP } from './help';
import type { GeneratorSpec } from './types';

/** `create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1]`. */
export const CREATE_CONFIG_MAP_SPEC: GeneratorSpec = {
  path: ['create', 'configmap'],
  aliases: ['cm'],
  use: 'configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a config map from a local file, directory or literal value',
  long: HELP['create configmap'].long,
  example: HELP['create configmap'].example,
  flags: [
    { name: 'from-file', type: 'stringSlice', default: [], usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
    { name: 'from-literal', type: 'stringArray', default: [], usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-env-file', type: 'stringSlice', default: [], usage: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
    { name: 'append-hash', type: 'bool', default: false, usage: 'Append a hash of the configmap to its name.' },
  ],
};

/** `create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]`. */
export const CREATE_CRON_JOB_SPEC: GeneratorSpec = {
  path: ['create', 'cronjob'],
  aliases: ['cj'],
  use: "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
  short: 'Create a cron job with the specified name',
  long: HELP['create cronjob'].long,
  example: HELP['create cronjob'].example,
  flags: [
    { name: 'image', type: 'string', default: '', usage: 'Image name to run.' },
    { name: 'schedule', type: 'string', default: '', usage: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', default: '', usage: "job's restart policy. supported values: OnFailure, Never" },
  ],
};

/** `create deployment NAME --image=image [--port] [--replicas] -- [COMMAND] [args...]`. */
export const CREATE_DEPLOYMENT_SPEC: GeneratorSpec = {
  path: ['create', 'deployment'],
  aliases: ['deploy'],
  use: 'deployment NAME --image=image -- [COMMAND] [args...]',
  short: 'Create a deployment with the specified name',
  long: HELP['create deployment'].long,
  example: HELP['create deployment'].example,
  flags: [
    { name: 'image', type: 'stringSlice', default: [], usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
  ],
};

/** `create ingress NAME --rule=host/path=service:port[,tls[=secret]]`. */
export const CREATE_INGRESS_SPEC: GeneratorSpec = {
  path: ['create', 'ingress'],
  aliases: ['ing'],
  use: 'ingress NAME --rule=host/path=service:port[,tls[=secret]] ',
  short: 'Create an ingress with the specified name',
  long: HELP['create ingress'].long,
  example: HELP['create ingress'].example,
  flags: [
    { name: 'class', type: 'string', default: '', usage: 'Ingress Class to be used' },
    { name: 'rule', type: 'stringArray', default: [], usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
    { name: 'default-backend', type: 'string', default: '', usage: 'Default service for backend, in format of svcname:port' },
    { name: 'annotation', type: 'stringArray', default: [], usage: 'Annotation to insert in the ingress object, in the format annotation=value' },
  ],
};

/** `create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]`. */
export const CREATE_JOB_SPEC: GeneratorSpec = {
  path: ['create', 'job'],
  aliases: [],
  use: 'job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
  short: 'Create a job with the specified name',
  long: HELP['create job'].long,
  example: HELP['create job'].example,
  flags: [
    { name: 'image', type: 'string', default: '', usage: 'Image name to run.' },
    { name: 'from', type: 'string', default: '', usage: 'The name of the resource to create a Job from (only cronjob is supported).' },
  ],
};

/** `run NAME --image=image [--env="key=value"] [--port=port] ... -- [COMMAND] [args...]`. */
export const RUN_SPEC: GeneratorSpec = {
  path: ['run'],
  aliases: [],
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: 'Run a particular image on the cluster',
  long: HELP.run.long,
  example: HELP.run.example,
  flags: [
    { name: 'annotations', type: 'stringArray', default: [], usage: 'Annotations to apply to the pod.' },
    { name: 'image', type: 'string', default: '', usage: 'The image for the container to run.' },
    { name: 'image-pull-policy', type: 'string', default: '', usage: 'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.' },
    { name: 'rm', type: 'bool', default: false, usage: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    { name: 'env', type: 'stringArray', default: [], usage: 'Environment variables to set in the container.' },
    { name: 'port', type: 'string', default: '', usage: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', default: '', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'stdin', short: 'i', type: 'bool', default: false, usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', default: false, usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', type: 'bool', default: false, usage: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned." },
    { name: 'leave-stdin-open', type: 'bool', default: false, usage: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'command', type: 'bool', default: false, usage: "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default." },
    { name: 'expose', type: 'bool', default: false, usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'If true, suppress prompt messages.' },
    { name: 'privileged', type: 'bool', default: false, usage: 'If true, run the container in privileged mode.' },
    { name: 'overrides', type: 'string', default: '', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
  ],
};

/** `create secret docker-registry NAME --docker-username=user --docker-password=password ...`. */
export const CREATE_SECRET_DOCKER_REGISTRY_SPEC: GeneratorSpec = {
  path: ['create', 'secret', 'docker-registry'],
  aliases: [],
  use: 'docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  short: 'Create a secret for use with a Docker registry',
  long: HELP['create secret docker-registry'].long,
  example: HELP['create secret docker-registry'].example,
  flags: [
    { name: 'docker-username', type: 'string', default: '', usage: 'Username for Docker registry authentication' },
    { name: 'docker-password', type: 'string', default: '', usage: 'Password for Docker registry authentication' },
    { name: 'docker-email', type: 'string', default: '', usage: 'Email for Docker registry' },
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', usage: 'Server location for Docker registry' },
    { name: 'append-hash', type: 'bool', default: false, usage: 'Append a hash of the secret to its name.' },
    { name: 'from-file', type: 'stringSlice', default: [], usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
  ],
};

/** `create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file`. */
export const CREATE_SECRET_TLS_SPEC: GeneratorSpec = {
  path: ['create', 'secret', 'tls'],
  aliases: [],
  use: 'tls NAME --cert=path/to/cert/file --key=path/to/key/file [--dry-run=server|client|none]',
  short: 'Create a TLS secret',
  long: HELP['create secret tls'].long,
  example: HELP['create secret tls'].example,
  flags: [
    { name: 'cert', type: 'string', default: '', usage: 'Path to PEM encoded public key certificate.' },
    { name: 'key', type: 'string', default: '', usage: 'Path to private key associated with given certificate.' },
    { name: 'append-hash', type: 'bool', default: false, usage: 'Append a hash of the secret to its name.' },
  ],
};

/** `create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1]`. */
export const CREATE_SECRET_GENERIC_SPEC: GeneratorSpec = {
  path: ['create', 'secret', 'generic'],
  aliases: [],
  use: 'generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
  short: 'Create a secret from a local file, directory, or literal value',
  long: HELP['create secret generic'].long,
  example: HELP['create secret generic'].example,
  flags: [
    { name: 'from-file', type: 'stringSlice', default: [], usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
    { name: 'from-literal', type: 'stringArray', default: [], usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'from-env-file', type: 'stringSlice', default: [], usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
    { name: 'type', type: 'string', default: '', usage: 'The type of secret to create' },
    { name: 'append-hash', type: 'bool', default: false, usage: 'Append a hash of the secret to its name.' },
  ],
};

/** `create namespace NAME` (never namespaced, whatever -n says). */
export const CREATE_NAMESPACE_SPEC: GeneratorSpec = {
  path: ['create', 'namespace'],
  aliases: ['ns'],
  use: 'namespace NAME [--dry-run=server|client|none]',
  short: 'Create a namespace with the specified name',
  long: HELP['create namespace'].long,
  example: HELP['create namespace'].example,
  flags: [],
};

/** `create serviceaccount NAME`. */
export const CREATE_SERVICE_ACCOUNT_SPEC: GeneratorSpec = {
  path: ['create', 'serviceaccount'],
  aliases: ['sa'],
  use: 'serviceaccount NAME [--dry-run=server|client|none]',
  short: 'Create a service account with the specified name',
  long: HELP['create serviceaccount'].long,
  example: HELP['create serviceaccount'].example,
  flags: [],
};

/** `create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]`. */
export const CREATE_QUOTA_SPEC: GeneratorSpec = {
  path: ['create', 'quota'],
  aliases: ['resourcequota'],
  use: 'quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  short: 'Create a quota with the specified name',
  long: HELP['create quota'].long,
  example: HELP['create quota'].example,
  flags: [
    { name: 'hard', type: 'string', default: '', usage: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
    { name: 'scopes', type: 'string', default: '', usage: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
  ],
};

const TCP: FlagSpec = { name: 'tcp', type: 'stringSlice', default: [], usage: "Port pairs can be specified as '<port>:<targetPort>'." };

function serviceSpec(sub: string, type: string, use: string, flags: FlagSpec[]): GeneratorSpec {
  const path = ['create', 'service', sub];
  const help = HELP[path.join(' ')];
  return { path, aliases: [], use, short: `Create a${type === 'ExternalName' ? 'n' : ''} ${type} service`, long: help.long, example: help.example, flags };
}

/** `create service clusterip NAME [--tcp=<port>:<targetPort>] [--clusterip]`. */
export const CREATE_SERVICE_CLUSTER_IP_SPEC = serviceSpec('clusterip', 'ClusterIP',
  'clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
  [TCP, { name: 'clusterip', type: 'string', default: '', usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing)." }]);

/** `create service nodeport NAME [--tcp=port:targetPort] [--node-port]`. */
export const CREATE_SERVICE_NODE_PORT_SPEC = serviceSpec('nodeport', 'NodePort',
  'nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  [{ name: 'node-port', type: 'int', default: 0, usage: 'Port used to expose the service on each node in a cluster.' }, TCP]);

/** `create service loadbalancer NAME [--tcp=port:targetPort]`. */
export const CREATE_SERVICE_LOAD_BALANCER_SPEC = serviceSpec('loadbalancer', 'LoadBalancer',
  'loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
  [TCP]);

/** `create service externalname NAME --external-name external.name`. */
export const CREATE_SERVICE_EXTERNAL_NAME_SPEC = serviceSpec('externalname', 'ExternalName',
  'externalname NAME --external-name external.name [--dry-run=server|client|none]',
  [TCP, { name: 'external-name', type: 'string', default: '', usage: 'External name of service' }]);

/** The flags of `kubectl expose` that shape the Service. */
export const EXPOSE_FLAGS: FlagSpec[] = [
  { name: 'protocol', type: 'string', default: '', usage: "The network protocol for the service to be created. Default is 'TCP'." },
  { name: 'port', type: 'string', default: '', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
  { name: 'type', type: 'string', default: '', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
  { name: 'load-balancer-ip', type: 'string', default: '', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
  { name: 'selector', type: 'string', default: '', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
  { name: 'labels', short: 'l', type: 'string', default: '', usage: 'Labels to apply to the service created by this call.' },
  { name: 'target-port', type: 'string', default: '', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
  { name: 'external-ip', type: 'string', default: '', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
  { name: 'name', type: 'string', default: '', usage: 'The name for the newly created object.' },
  { name: 'session-affinity', type: 'string', default: '', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
  { name: 'cluster-ip', type: 'string', default: '', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
  { name: 'overrides', type: 'string', default: '', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
  { name: 'override-type', type: 'string', default: 'merge', usage: 'The method used to override the generated object: json, merge, or strategic.' },
];

/** Help texts of `kubectl expose` (its builder is exposeService, which needs the source object). */
export const EXPOSE_COMMAND = {
  path: ['expose'],
  aliases: [] as string[],
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  long: HELP.expose.long,
  example: HELP.expose.example,
  flags: EXPOSE_FLAGS,
};

/** Every generator command's entry, in GENERATORS' order (`kubectl create -h` order, then `run`). */
export const GENERATOR_SPECS: readonly GeneratorSpec[] = [
  CREATE_CONFIG_MAP_SPEC,
  CREATE_CRON_JOB_SPEC,
  CREATE_DEPLOYMENT_SPEC,
  CREATE_INGRESS_SPEC,
  CREATE_JOB_SPEC,
  CREATE_NAMESPACE_SPEC,
  CREATE_QUOTA_SPEC,
  CREATE_SECRET_DOCKER_REGISTRY_SPEC,
  CREATE_SECRET_GENERIC_SPEC,
  CREATE_SECRET_TLS_SPEC,
  CREATE_SERVICE_CLUSTER_IP_SPEC,
  CREATE_SERVICE_EXTERNAL_NAME_SPEC,
  CREATE_SERVICE_LOAD_BALANCER_SPEC,
  CREATE_SERVICE_NODE_PORT_SPEC,
  CREATE_SERVICE_ACCOUNT_SPEC,
  RUN_SPEC,
];
