// Describers of Secret, ConfigMap and ServiceAccount.
import type { KObject } from '../../engine/api/types';
import { decodeBase64, utf8Decode } from '../../engine/util/base64';
import { safeList } from './client';
import type { DescribeContext } from './client';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, tabbedString } from './writer';
import { list, rec, sortStrings, str, strMap } from './values';
import type { J } from './values';

/**
 * kubectl describe secret: each key with its decoded size, a service-account token in clear.
 * Upstream prints keys in Go map order (random); they are sorted here.
 */
export function describeSecret(secret: KObject): Promise<string> {
  const o = secret as J;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    const type = str(o.type);
    w.write(LEVEL_0, `\nType:\t${type}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = rec(o.data) ?? {};
    for (const k of sortStrings(Object.keys(data))) {
      const bytes = decodeBase64(str(data[k])) ?? new Uint8Array();
      if (k === 'token' && type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${utf8Decode(bytes)}\n`);
      else w.write(LEVEL_0, `${k}:\t${bytes.length} bytes\n`);
    }
  });
}

/** kubectl describe configmap: Data values in full, BinaryData sizes (keys sorted, see Secret). */
export async function describeConfigMap(cm: KObject, ctx: DescribeContext): Promise<string> {
  const o = cm as J;
  const events = await eventsFor(ctx, cm);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, '\nData\n====\n');
    const data = rec(o.data) ?? {};
    for (const k of sortStrings(Object.keys(data))) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${str(data[k])}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    const bin = rec(o.binaryData) ?? {};
    for (const k of sortStrings(Object.keys(bin))) {
      const bytes = decodeBase64(str(bin[k])) ?? new Uint8Array();
      w.write(LEVEL_0, `${k}: ${bytes.length} bytes\n`);
    }
    w.write(LEVEL_0, '\n');
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

/** kubectl describe serviceaccount: pull secrets, mountable secrets and tokens, missing ones marked. */
export async function describeServiceAccount(sa: KObject, ctx: DescribeContext): Promise<string> {
  const o = sa as J;
  const name = str(o.metadata?.name);
  const uid = str(o.metadata?.uid);
  const tokens: string[] = [];
  const missing = new Set<string>();
  const secrets = await safeList(ctx, '', 'secrets', str(o.metadata?.namespace));
  // Listing errors are tolerated: the account is described with what it references.
  if (secrets) {
    const existing = new Set<string>();
    for (const s of secrets as J[]) {
      if (str(s?.type) === 'kubernetes.io/service-account-token') {
        const ann = strMap(s?.metadata?.annotations);
        if (ann['kubernetes.io/service-account.name'] === name && ann['kubernetes.io/service-account.uid'] === uid) tokens.push(str(s.metadata?.name));
      }
      existing.add(str(s?.metadata?.name));
    }
    for (const s of [...list(o.secrets), ...list(o.imagePullSecrets)]) if (!existing.has(str(s?.name))) missing.add(str(s?.name));
  }
  const events = await eventsFor(ctx, sa);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    const emptyHeader = '                   ';
    // The headers sorted as upstream sorts its map keys.
    const sections: Array<[string, string[]]> = [
      ['Image pull secrets:', list(o.imagePullSecrets).map((s: J) => str(s?.name))],
      ['Mountable secrets: ', list(o.secrets).map((s: J) => str(s?.name))],
      ['Tokens:            ', tokens],
    ];
    for (const [header, names] of sections) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, missing.has(n) ? `${prefix}\t${n} (not found)\n` : `${prefix}\t${n}\n`);
        prefix = emptyHeader;
      }
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
