// Help texts and flags of `kubectl set` and its subcommands, as kubectl v1.32 prints them.

import type { FlagSpec } from '../cli/flags';
import { DRY_RUN_FLAG } from './common-flags';

export const SET_HELP = {
  use: "set SUBCOMMAND",
  short: "Set specific features on objects",
  long: `Configure application resources.

 These commands help you make changes to existing application resources.`,
  flags: [

  ] as FlagSpec[],
};

export const SET_IMAGE_HELP = {
  use: "image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N",
  short: "Update the image of a pod template",
  long: `Update existing container image(s) of resources.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `  # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'
  kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1
  
  # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
  kubectl set image deployments,rc nginx=nginx:1.9.1 --all
  
  # Update image of all containers of daemonset abc to 'nginx:1.9.1'
  kubectl set image daemonset abc *=nginx:1.9.1
  
  # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
  kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml`,
  flags: [
    { name: "all", type: "bool", default: false, usage: "Select all resources, in the namespace of the specified resource types" },
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    DRY_RUN_FLAG,
    { name: "field-manager", type: "string", default: "kubectl-set", usage: "Name of the manager used to track field ownership." },
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "local", type: "bool", default: false, usage: "If true, set image will NOT contact api-server but run locally." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ] as FlagSpec[],
};

export const SET_ENV_HELP = {
  use: "env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N",
  short: "Update environment variables on a pod template",
  long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
  example: `  # Update deployment 'registry' with a new environment variable
  kubectl set env deployment/registry STORAGE_DIR=/local
  
  # List the environment variables defined on a deployments 'sample-build'
  kubectl set env deployment/sample-build --list
  
  # List the environment variables defined on all pods
  kubectl set env pods --all --list
  
  # Output modified deployment in YAML, and does not alter the object on the server
  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml
  
  # Update all containers in all replication controllers in the project to have ENV=prod
  kubectl set env rc --all ENV=prod
  
  # Import environment from a secret
  kubectl set env --from=secret/mysecret deployment/myapp
  
  # Import environment from a config map with a prefix
  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp
  
  # Import specific keys from a config map
  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp
  
  # Remove the environment variable ENV from container 'c1' in all deployment configs
  kubectl set env deployments --all --containers="c1" ENV-
  
  # Remove the environment variable ENV from a deployment definition on disk and
  # update the deployment config on the server
  kubectl set env -f deploy.json ENV-
  
  # Set some of the local shell environment into a deployment config on the server
  env | grep RAILS_ | kubectl set env -e - deployment/registry`,
  flags: [
    { name: "all", type: "bool", default: false, usage: "If true, select all resources in the namespace of the specified resource types" },
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "containers", short: "c", type: "string", default: "*", usage: "The names of containers in the selected pod templates to change - may use wildcards" },
    DRY_RUN_FLAG,
    { name: "env", short: "e", type: "stringArray", default: [], usage: "Specify a key-value pair for an environment variable to set into each container." },
    { name: "field-manager", type: "string", default: "kubectl-set", usage: "Name of the manager used to track field ownership." },
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files the resource to update the env" },
    { name: "from", type: "string", default: "", usage: "The name of a resource from which to inject environment variables" },
    { name: "keys", type: "stringSlice", default: [], usage: "Comma-separated list of keys to import from specified resource" },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "list", type: "bool", default: false, usage: "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env." },
    { name: "local", type: "bool", default: false, usage: "If true, set env will NOT contact api-server but run locally." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "overwrite", type: "bool", default: true, usage: "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment." },
    { name: "prefix", type: "string", default: "", usage: "Prefix to append to variable names" },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "resolve", type: "bool", default: false, usage: "If true, show secret or configmap references when listing variables" },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ] as FlagSpec[],
};

export const SET_RESOURCES_HELP = {
  use: "resources (-f FILENAME | TYPE NAME)  ([--limits=LIMITS & --requests=REQUESTS]",
  short: "Update resource requests/limits on objects with pod templates",
  long: `Specify compute resource requirements (CPU, memory) for any resource that defines a pod template.  If a pod is successfully scheduled, it is guaranteed the amount of resource requested, but may burst up to its specified limits.

 For each compute resource, if a limit is specified and a request is omitted, the request will default to the limit.

 Possible resources include (case insensitive): Use "kubectl api-resources" for a complete list of supported resources..`,
  example: `  # Set a deployments nginx container cpu limits to "200m" and memory to "512Mi"
  kubectl set resources deployment nginx -c=nginx --limits=cpu=200m,memory=512Mi
  
  # Set the resource request and limits for all containers in nginx
  kubectl set resources deployment nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m,memory=256Mi
  
  # Remove the resource requests for resources on containers in nginx
  kubectl set resources deployment nginx --limits=cpu=0,memory=0 --requests=cpu=0,memory=0
  
  # Print the result (in yaml format) of updating nginx container limits from a local, without hitting the server
  kubectl set resources -f path/to/file.yaml --limits=cpu=200m,memory=512Mi --local -o yaml`,
  flags: [
    { name: "all", type: "bool", default: false, usage: "Select all resources, in the namespace of the specified resource types" },
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "containers", short: "c", type: "string", default: "*", usage: "The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards" },
    DRY_RUN_FLAG,
    { name: "field-manager", type: "string", default: "kubectl-set", usage: "Name of the manager used to track field ownership." },
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "limits", type: "string", default: "", usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: "local", type: "bool", default: false, usage: "If true, set resources will NOT contact api-server but run locally." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "requests", type: "string", default: "", usage: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ] as FlagSpec[],
};

