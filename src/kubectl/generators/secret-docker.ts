// `kubectl create secret docker-registry`: a .dockerconfigjson built from --docker-* flags (Go JSON,
// HTML-escaped) or taken from --from-file (kubectl pkg/cmd/create/create_secret_docker.go).
import { flagArray, flagBool, flagString } from '../cli/flags';
import { base64Utf8, enforcedNamespace, fail, nameFromArgs, ok } from './common';
import { goJson } from './hash';
import { addSecretKey, buildSecret } from './secret';
import type { SecretData } from './secret';
import { readFileSource } from './sources';
import type { GeneratorCommand } from './types';
import { CREATE_SECRET_DOCKER_REGISTRY_SPEC } from './specs';

/** handleDockerCfgJSONContent: `{"auths":{SERVER:{username,password,email,auth}}}`, empty fields omitted. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = base64Utf8(`${username}:${password}`);
  if (auth) entry.auth = auth;
  return goJson({ auths: { [server]: entry } });
}

const PATH = CREATE_SECRET_DOCKER_REGISTRY_SPEC.path;

/** `create secret docker-registry NAME --docker-username=user --docker-password=password ...`. */
export const createSecretDockerRegistry: GeneratorCommand = {
  ...CREATE_SECRET_DOCKER_REGISTRY_SPEC,
  build(args, _rest, flags, ctx) {
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const files = flagArray(flags, 'from-file');
    const username = flagString(flags, 'docker-username') ?? '';
    const password = flagString(flags, 'docker-password') ?? '';
    const email = flagString(flags, 'docker-email') ?? '';
    const server = flagString(flags, 'docker-server') ?? 'https://index.docker.io/v1/';
    if (files.length === 0 && (username === '' || password === '' || server === '')) {
      return fail('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    const data: SecretData = new Map();
    if (files.length > 0) {
      for (const src of files) {
        const r = readFileSource(src, ctx);
        if ('error' in r) return fail(r.error);
        for (const [k, v] of r.entries) {
          const err = addSecretKey(data, k, v);
          if (err) return fail(err);
        }
      }
    } else {
      data.set('.dockerconfigjson', dockerConfigJson(username, password, email, server));
    }
    return ok(buildSecret(named.name, enforcedNamespace(ctx), 'kubernetes.io/dockerconfigjson', data, flagBool(flags, 'append-hash')));
  },
};
