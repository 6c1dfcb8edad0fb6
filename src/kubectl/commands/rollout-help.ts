// Help texts and flags of `kubectl rollout` and its subcommands, as kubectl v1.32 prints them.

import type { FlagSpec } from '../cli/flags';
import { DRY_RUN_FLAG } from './common-flags';

export const ROLLOUT_HELP = {
  use: "rollout SUBCOMMAND",
  short: "Manage the rollout of a resource",
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets`,
  example: `  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx

Available Commands:
  history       View rollout history
  pause         Mark the provided resource as paused
  restart       Restart a resource
  resume        Resume a paused resource
  status        Show the status of the rollout
  undo          Undo a previous rollout`,
  flags: [

  ] as FlagSpec[],
};

export const STATUS_HELP = {
  use: "status (TYPE NAME | TYPE/NAME) [flags]",
  short: "Show the status of the rollout",
  long: `Show the status of the rollout.

 By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.`,
  example: `  # Watch the rollout status of a deployment
  kubectl rollout status deployment/nginx`,
  flags: [
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "revision", type: "int", default: 0, usage: "Pin to a specific revision for showing its status. Defaults to 0 (last revision)." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "timeout", type: "duration", default: "0s", usage: "The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)." },
    { name: "watch", short: "w", type: "bool", default: true, usage: "Watch the status of the rollout until it's done." },
  ] as FlagSpec[],
};

export const HISTORY_HELP = {
  use: "history (TYPE NAME | TYPE/NAME) [flags]",
  short: "View rollout history",
  long: `View previous rollout revisions and configurations.`,
  example: `  # View the rollout history of a deployment
  kubectl rollout history deployment/abc
  
  # View the details of daemonset revision 3
  kubectl rollout history daemonset/abc --revision=3`,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "revision", type: "int", default: 0, usage: "See the details, including podTemplate of the revision specified" },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ] as FlagSpec[],
};

export const UNDO_HELP = {
  use: "undo (TYPE NAME | TYPE/NAME) [flags]",
  short: "Undo a previous rollout",
  long: `Roll back to a previous rollout.`,
  example: `  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Roll back to daemonset revision 3
  kubectl rollout undo daemonset/abc --to-revision=3
  
  # Roll back to the previous deployment with dry-run
  kubectl rollout undo --dry-run=server deployment/abc`,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    DRY_RUN_FLAG,
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    { name: "to-revision", type: "int", default: 0, usage: "The revision to rollback to. Default to 0 (last revision)." },
  ] as FlagSpec[],
};

export const PAUSE_HELP = {
  use: "pause RESOURCE",
  short: "Mark the provided resource as paused",
  long: `Mark the provided resource as paused.

 Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.`,
  example: `  # Mark the nginx deployment as paused
  # Any current state of the deployment will continue its function; new updates
  # to the deployment will not have an effect as long as the deployment is paused
  kubectl rollout pause deployment/nginx`,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "field-manager", type: "string", default: "kubectl-rollout", usage: "Name of the manager used to track field ownership." },
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ] as FlagSpec[],
};

export const RESUME_HELP = {
  use: "resume RESOURCE",
  short: "Resume a paused resource",
  long: `Resume a paused resource.

 Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.`,
  example: `  # Resume an already paused deployment
  kubectl rollout resume deployment/nginx`,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "field-manager", type: "string", default: "kubectl-rollout", usage: "Name of the manager used to track field ownership." },
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ] as FlagSpec[],
};

export const RESTART_HELP = {
  use: "restart RESOURCE",
  short: "Restart a resource",
  long: `Restart a resource.

        Resource rollout will be restarted.`,
  example: `  # Restart all deployments in the test-namespace namespace
  kubectl rollout restart deployment -n test-namespace
  
  # Restart a deployment
  kubectl rollout restart deployment/nginx
  
  # Restart a daemon set
  kubectl rollout restart daemonset/abc
  
  # Restart deployments with the app=nginx label
  kubectl rollout restart deployment --selector=app=nginx`,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true, usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "field-manager", type: "string", default: "kubectl-rollout", usage: "Name of the manager used to track field ownership." },
    { name: "filename", short: "f", type: "stringSlice", default: [], usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", short: "k", type: "string", default: "", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", short: "o", type: "string", default: "", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", short: "R", type: "bool", default: false, usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", short: "l", type: "string", default: "", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", default: false, usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ] as FlagSpec[],
};

