// `kubectl events`' entry in the command table: help and flags; the implementation (./events)
// is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { ALL_NAMESPACES_FLAG, OUTPUT_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';

const impl = () => import('./events');

/** Help texts as kubectl v1.32 prints them. */
const EVENTS_HELP = {
  use: 'events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  short: 'List events',
  long: `Display events.

 Prints a table of the most important information about events. You can request events for a namespace, for all namespace, or filtered to only those pertaining to a specified resource.`,
  example: `  # List recent events in the default namespace
  kubectl events
  
  # List recent events in all namespaces
  kubectl events --all-namespaces
  
  # List recent events for the specified pod, then wait for more events and list them as they arrive
  kubectl events --for pod/web-pod-13je7 --watch
  
  # List recent events in YAML format
  kubectl events -oyaml
  
  # List recent only events of type 'Warning' or 'Normal'
  kubectl events --types=Warning,Normal`,
};

/** `kubectl events`. */
export const eventsCommand: CommandDef = {
  name: 'events',
  group: 'Troubleshooting and Debugging Commands',
  use: EVENTS_HELP.use,
  short: EVENTS_HELP.short,
  long: EVENTS_HELP.long,
  example: EVENTS_HELP.example,
  run: lazyRun(impl, (m) => m.runEvents),
  flags: [
    { ...ALL_NAMESPACES_FLAG },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    { name: 'for', type: 'string', default: '', usage: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default output format, don't print headers." },
    { ...OUTPUT_FLAG },
    { ...SHOW_MANAGED_FIELDS_FLAG },
    { ...TEMPLATE_FLAG },
    { name: 'types', type: 'stringSlice', default: [], usage: 'Output only events of given types.' },
    { name: 'watch', short: 'w', type: 'bool', default: false, usage: 'After listing the requested events, watch for more events.' },
  ],
};
