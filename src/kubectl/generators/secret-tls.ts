// `kubectl create secret tls`: tls.crt and tls.key from PEM files, checked the way
// crypto/tls.X509KeyPair reports mismatched inputs (kubectl pkg/cmd/create/create_secret_tls.go).
import { flagBool, flagString } from '../cli/flags';
import { enforcedNamespace, fail, nameFromArgs, ok } from './common';
import { buildSecret } from './secret';
import type { GeneratorCommand } from './types';
import { CREATE_SECRET_TLS_SPEC } from './specs';

/** The types of the PEM blocks in a text, in order. */
export function pemBlockTypes(text: string): string[] {
  const types: string[] = [];
  const re = /-----BEGIN ([^-\n]*)-----\r?\n[\s\S]*?-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) types.push(m[1]);
  return types;
}

/**
 * The PEM-level checks of tls.X509KeyPair, with its messages. Parsing the DER and matching the key
 * to the certificate is not simulated.
 */
export function checkKeyPair(cert: string, key: string): string | undefined {
  const certTypes = pemBlockTypes(cert);
  if (!certTypes.includes('CERTIFICATE')) {
    if (certTypes.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (certTypes.some((t) => t.endsWith(' PRIVATE KEY') || t === 'PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${certTypes.join(' ')}]`;
  }
  const keyTypes = pemBlockTypes(key);
  if (!keyTypes.some((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'))) {
    if (keyTypes.length === 0) return 'tls: failed to find any PEM data in key input';
    if (keyTypes.includes('CERTIFICATE')) return 'tls: found a certificate rather than a key in the PEM for the private key';
    return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keyTypes.join(' ')}]`;
  }
  return undefined;
}

const PATH = CREATE_SECRET_TLS_SPEC.path;

/** `create secret tls NAME --cert=path/to/cert/file --key=path/to/key/file`. */
export const createSecretTLS: GeneratorCommand = {
  ...CREATE_SECRET_TLS_SPEC,
  build(args, _rest, flags, ctx) {
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const certPath = flagString(flags, 'cert') ?? '';
    const keyPath = flagString(flags, 'key') ?? '';
    if (keyPath === '' || certPath === '') return fail('key and cert must be specified');
    const cert = ctx.readFile(certPath);
    if (cert === undefined) return fail(`Cannot read file ${certPath}, open ${certPath}: no such file or directory`);
    const key = ctx.readFile(keyPath);
    if (key === undefined) return fail(`Cannot read file ${keyPath}, open ${keyPath}: no such file or directory`);
    const bad = checkKeyPair(cert, key);
    if (bad) return fail(bad);
    const data = new Map([['tls.crt', cert], ['tls.key', key]]);
    return ok(buildSecret(named.name, enforcedNamespace(ctx), 'kubernetes.io/tls', data, flagBool(flags, 'append-hash')));
  },
};
