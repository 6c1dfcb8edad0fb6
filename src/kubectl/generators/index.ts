// The generator commands of our kubectl (`create <kind>`, `run`) and the parent commands that only
// group them (`create secret`, `create service`), plus `expose`, whose builder needs the source object.
import { createConfigMap } from './configmap';
import { createCronJob } from './cronjob';
import { createDeployment } from './deployment';
import { HELP } from './help';
import { createIngress } from './ingress';
import { createJob } from './job';
import { run } from './run';
import { createSecretGeneric } from './secret';
import { createSecretDockerRegistry } from './secret-docker';
import { createSecretTLS } from './secret-tls';
import { createServiceClusterIP, createServiceExternalName, createServiceLoadBalancer, createServiceNodePort } from './service';
import { createNamespace, createQuota, createServiceAccount } from './simple';
import type { GeneratorCommand } from './types';

export type { GeneratorCommand, GeneratorContext, GeneratorResult } from './types';
export { EXPOSE_FLAGS, exposeService } from './expose';

/** Every generator command, in `kubectl create -h` order, then `run`. */
export const GENERATORS: GeneratorCommand[] = [
  createConfigMap,
  createCronJob,
  createDeployment,
  createIngress,
  createJob,
  createNamespace,
  createQuota,
  createSecretDockerRegistry,
  createSecretGeneric,
  createSecretTLS,
  createServiceClusterIP,
  createServiceExternalName,
  createServiceLoadBalancer,
  createServiceNodePort,
  createServiceAccount,
  run,
];

/** A command that only groups subcommands; run bare, kubectl prints its help. */
export interface GeneratorGroup {
  path: string[];
  aliases: string[];
  use: string;
  short: string;
  long: string;
}

/** `create secret` and `create service` (alias `svc`): the parents of the typed variants. */
export const GENERATOR_GROUPS: GeneratorGroup[] = [
  {
    path: ['create', 'secret'], aliases: [], use: 'secret (docker-registry | generic | tls)',
    short: 'Create a secret using a specified subcommand', long: HELP['create secret'].long,
  },
  {
    path: ['create', 'service'], aliases: ['svc'], use: 'service',
    short: 'Create a service using a specified subcommand', long: HELP['create service'].long,
  },
];
