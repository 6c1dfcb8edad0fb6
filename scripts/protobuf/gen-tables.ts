// Generates src/server/protobuf/tables.generated.ts: compact field tables for the built-in API types,
// read from upstream's generated.proto (wire types, field numbers) joined with the Go types (json names,
// omitempty, pointers, inline, declaration order), which is what Go's encoding/json prints from.
//
// Usage: npx tsx scripts/protobuf/gen-tables.ts UPSTREAM_DIR
//   UPSTREAM_DIR holds checkouts of k8s.io/api, k8s.io/apimachinery and k8s.io/apiextensions-apiserver
//   at the release kubectl v1.32 uses (tag v0.32.4) as api/, apimachinery/, apiextensions-apiserver/, e.g.
//     for r in api apimachinery apiextensions-apiserver; do mkdir -p $DIR/$r;
//       git -C <clone of kubernetes/$r> archive v0.32.4 | tar -x -C $DIR/$r; done
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Proto package dir -> [short package name used in the tables, API group ('' core, null: no kinds)]. */
const PACKAGES: [dir: string, short: string, group: string | null][] = [
  ['apimachinery/pkg/apis/meta/v1', 'meta/v1', null],
  ['apimachinery/pkg/util/intstr', 'intstr', null],
  ['apimachinery/pkg/api/resource', 'resource', null],
  ['apimachinery/pkg/runtime', 'runtime', null],
  ['apimachinery/pkg/runtime/schema', 'schema', null],
  ['api/core/v1', 'core/v1', ''],
  ['api/apps/v1', 'apps/v1', 'apps'],
  ['api/batch/v1', 'batch/v1', 'batch'],
  ['api/networking/v1', 'networking/v1', 'networking.k8s.io'],
  ['api/autoscaling/v1', 'autoscaling/v1', 'autoscaling'],
  ['api/autoscaling/v2', 'autoscaling/v2', 'autoscaling'],
  ['api/discovery/v1', 'discovery/v1', 'discovery.k8s.io'],
  ['api/coordination/v1', 'coordination/v1', 'coordination.k8s.io'],
  ['api/events/v1', 'events/v1', 'events.k8s.io'],
  ['api/storage/v1', 'storage/v1', 'storage.k8s.io'],
  ['api/policy/v1', 'policy/v1', 'policy'],
  ['api/authentication/v1', 'authentication/v1', 'authentication.k8s.io'],
  ['api/authorization/v1', 'authorization/v1', 'authorization.k8s.io'],
  ['api/rbac/v1', 'rbac/v1', 'rbac.authorization.k8s.io'],
  ['api/scheduling/v1', 'scheduling/v1', 'scheduling.k8s.io'],
  ['apiextensions-apiserver/pkg/apis/apiextensions/v1', 'apiextensions/v1', 'apiextensions.k8s.io'],
];

interface ProtoField { label: 'optional' | 'repeated' | 'map'; type: string; keyType?: string; name: string; num: number }
interface GoField { goType: string; json: string; omitempty: boolean; inline: boolean; num: number }

const SCALARS: Record<string, string> = { string: 's', int32: 'i', int64: 'l', bool: 'b', bytes: 'y', double: 'd' };

function parseProto(text: string): { pkg: string; messages: Map<string, ProtoField[]> } {
  const pkg = /^package ([\w.]+);/m.exec(text)?.[1];
  if (!pkg) throw new Error('no package');
  const messages = new Map<string, ProtoField[]>();
  let cur: ProtoField[] | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    const m = /^message (\w+) \{$/.exec(line);
    if (m) {
      if (cur) throw new Error(`nested message ${m[1]}`);
      cur = [];
      messages.set(m[1], cur);
      continue;
    }
    if (line === '}') { cur = null; continue; }
    if (!cur) continue;
    const mp = /^map<(\w+), ?([\w.]+)> (\w+) = (\d+);$/.exec(line);
    if (mp) { cur.push({ label: 'map', keyType: mp[1], type: mp[2], name: mp[3], num: Number(mp[4]) }); continue; }
    const f = /^(optional|repeated) ([\w.]+) (\w+) = (\d+);$/.exec(line);
    if (!f) throw new Error(`unparsed proto line: ${line}`);
    cur.push({ label: f[1] as 'optional' | 'repeated', type: f[2], name: f[3], num: Number(f[4]) });
  }
  return { pkg, messages };
}

/** Go structs of a package: type name -> fields carrying a protobuf tag, in declaration order. */
function parseGo(dir: string): { structs: Map<string, GoField[]>; kinds: Set<string> } {
  const structs = new Map<string, GoField[]>();
  const kinds = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.go') || file.endsWith('_test.go') || file.startsWith('zz_') || file.endsWith('.pb.go')) continue;
    let cur: GoField[] | null = null;
    let curName = '';
    for (const raw of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const line = raw.replace(/^\s*\/\/.*$/, '').trim();
      const start = /^type (\w+) struct \{$/.exec(line);
      if (start) { curName = start[1]; cur = []; structs.set(curName, cur); continue; }
      if (!cur) continue;
      if (line === '}') { cur = null; continue; }
      const f = /^(?:(\w+)\s+)?([^\s`]+)\s*`([^`]*)`/.exec(line);
      if (!f) continue;
      const tags = f[3];
      if (/^metav1\.TypeMeta$|^TypeMeta$/.test(f[2]) && !f[1]) kinds.add(curName);
      const pb = /protobuf:"[a-z0-9]+,(\d+),/.exec(tags);
      if (!pb) continue;
      const json = /json:"([^"]*)"/.exec(tags)?.[1] ?? '';
      const [jname, ...opts] = json.split(',');
      cur.push({ goType: f[2], json: jname, omitempty: opts.includes('omitempty'), inline: opts.includes('inline'), num: Number(pb[1]) });
    }
  }
  return { structs, kinds };
}

const root = process.argv[2];
if (!root) throw new Error('usage: gen-tables.ts UPSTREAM_DIR');
const fullToShort = new Map<string, string>();
const parsed = PACKAGES.map(([dir, short, group]) => {
  const proto = parseProto(readFileSync(join(root, dir, 'generated.proto'), 'utf8'));
  fullToShort.set(proto.pkg, short);
  return { dir, short, group, proto, go: parseGo(join(root, dir)) };
});

/** A proto type as a table type code: scalar letter, or `pkg.Message` (bare `Message` in the same package). */
function typeCode(type: string, pkg: string): string {
  if (SCALARS[type]) return SCALARS[type];
  const t = type.replace(/^\./, '');
  const dot = t.lastIndexOf('.');
  if (dot < 0) return t;
  const short = fullToShort.get(t.slice(0, dot));
  if (!short) throw new Error(`unknown proto package in ${type}`);
  return short === fullToShort.get(pkg) ? t.slice(dot + 1) : `${short}.${t.slice(dot + 1)}`;
}

const out: string[] = [];
const kindLines: string[] = [];
const missing: string[] = [];
for (const p of parsed) {
  for (const [name, fields] of p.proto.messages) {
    const goFields = p.go.structs.get(name);
    const byNum = new Map(fields.map((f) => [f.num, f]));
    const order = goFields ? goFields.map((g) => g.num).filter((n) => byNum.has(n)) : [];
    if (!goFields) missing.push(`${p.short}.${name}`);
    for (const f of fields) if (!order.includes(f.num)) order.push(f.num);
    const enc = order.map((num) => {
      const f = byNum.get(num)!;
      const g = goFields?.find((x) => x.num === num);
      // Flags: * Go pointer, ? omitempty, ~ inlined into the parent, [ repeated, { map (key type follows).
      let flags = '';
      if (g?.goType.startsWith('*')) flags += '*';
      if (g?.omitempty) flags += '?';
      if (g?.inline) flags += '~';
      if (f.label === 'repeated') flags += '[';
      if (f.label === 'map') flags += `{${SCALARS[f.keyType!]}`;
      // Types with their own JSON marshalling (Duration, Quantity, ...) carry no json tag: keep the proto name.
      const json = g?.inline ? '' : g?.json || f.name;
      return `${json}=${num}:${flags}${typeCode(f.type, p.proto.pkg)}`;
    });
    out.push(`  ${JSON.stringify(`${p.short}.${name}`)}: ${JSON.stringify(enc.join('|'))},`);
    if (p.group !== null && p.go.kinds.has(name)) {
      const version = p.short.split('/')[1];
      kindLines.push(`  ${JSON.stringify(`${p.group ? `${p.group}/` : ''}${version}|${name}`)}: ${JSON.stringify(`${p.short}.${name}`)},`);
    }
  }
}
if (missing.length) console.error(`messages without a Go struct (decoded with proto names): ${missing.join(', ')}`);

const header = `// GENERATED by scripts/protobuf/gen-tables.ts from k8s.io/api, k8s.io/apimachinery and
// k8s.io/apiextensions-apiserver v0.32.4 (generated.proto + Go struct tags). Do not edit by hand.
// Each message is "json=number:FLAGSTYPE|..." in Go declaration order; see ./tables.ts for the format.

`;
writeFileSync(
  join(import.meta.dirname, '../../src/server/protobuf/tables.generated.ts'),
  `${header}/** Message name (\`core/v1.Pod\`) -> encoded field list. */
export const MESSAGE_TABLE: Readonly<Record<string, string>> = {
${out.join('\n')}
};

/** \`apiVersion|kind\` of every top-level type -> its message name. */
export const KIND_TABLE: Readonly<Record<string, string>> = {
${kindLines.join('\n')}
};
`,
);
console.error(`wrote ${out.length} messages, ${kindLines.length} kinds`);
