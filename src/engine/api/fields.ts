// Field selectors (`status.phase=Running,spec.nodeName!=n1`): a port of apimachinery pkg/fields,
// plus the per-kind selectable fields and field-label checks the apiserver applies (v1.32).

import { compareGo } from './labels';
import { goQuote } from '../codec/go-quote';

/** Thrown for malformed selectors and unsupported field labels; the message is upstream's. */
export class FieldSelectorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldSelectorError';
  }
}

/** One term of a field selector. */
export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Rewrites (or rejects, by throwing) one term: runtime.Scheme.ConvertFieldLabel. */
export type FieldTransform = (field: string, value: string) => [string, string];

/** A parsed field selector: a conjunction of `field=value` / `field!=value` terms. */
export interface FieldSelector {
  /** A missing field counts as the empty string, as upstream's fields.Set.Get. */
  matches(fields: Record<string, string>): boolean;
  empty(): boolean;
  /** Terms joined by ',', values escaped. */
  toString(): string;
  requirements(): FieldRequirement[];
  /** The value a field must equal, if an `=` term pins it. */
  requiresExactMatch(field: string): string | undefined;
  /** Applies fn to every term; a term mapped to ['', ''] is dropped. */
  transform(fn: FieldTransform): FieldSelector;
}

class TermsSelector implements FieldSelector {
  constructor(private readonly terms: readonly FieldRequirement[]) {}
  matches(fields: Record<string, string>): boolean {
    return this.terms.every((t) => {
      const v = Object.hasOwn(fields, t.field) ? fields[t.field] : '';
      return t.operator === '=' ? v === t.value : v !== t.value;
    });
  }
  empty(): boolean {
    return this.terms.length === 0;
  }
  toString(): string {
    return this.terms.map((t) => `${t.field}${t.operator}${escapeFieldValue(t.value)}`).join(',');
  }
  requirements(): FieldRequirement[] {
    return [...this.terms];
  }
  requiresExactMatch(field: string): string | undefined {
    return this.terms.find((t) => t.operator === '=' && t.field === field)?.value;
  }
  transform(fn: FieldTransform): FieldSelector {
    const out: FieldRequirement[] = [];
    for (const t of this.terms) {
      const [field, value] = fn(t.field, t.value);
      if (field === '' && value === '') continue;
      out.push({ field, operator: t.operator, value });
    }
    return new TermsSelector(out);
  }
}

/** fields.Everything(). */
export function everythingFields(): FieldSelector {
  return new TermsSelector([]);
}

/** fields.SelectorFromSet / OneTermEqualSelector: `k=v` for each entry (sorted by field). */
export function fieldSelectorFromSet(set: Record<string, string>): FieldSelector {
  const keys = Object.keys(set).sort();
  return new TermsSelector(keys.map((field) => ({ field, operator: '=' as const, value: set[field] })));
}

/** fields.EscapeValue: `\`, `,` and `=` are backslash-escaped. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => '\\' + c);
}

/** fields.UnescapeValue; throws FieldSelectorError with upstream's texts. */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      // Upstream formats the rune with %v, which prints its code point.
      throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

// Splits on commas not preceded by a backslash escape.
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

// The first operator occurrence wins; at one position `!=` and `==` are tried before `=`.
function splitTerm(term: string): [string, '=' | '==' | '!=', string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/**
 * fields.ParseSelector: `a=b`, `a==b`, `a!=b`, comma-joined; terms are sorted as strings first,
 * as upstream does. Throws FieldSelectorError, e.g. `invalid selector: 'x'; can't understand 'x'`.
 */
export function parseFieldSelector(selector: string): FieldSelector {
  const parts = splitTerms(selector).sort(compareGo);
  const terms: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) throw new FieldSelectorError(`invalid selector: '${selector}'; can't understand '${part}'`);
    const [field, op, rhs] = split;
    terms.push({ field, operator: op === '!=' ? '!=' : '=', value: unescapeFieldValue(rhs) });
  }
  return new TermsSelector(terms);
}

// ---- what the apiserver can select on, per kind ----

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const int = (v: unknown): string => String(typeof v === 'number' ? Math.trunc(v) : 0);
const bool = (v: unknown): string => String(v === true);

interface KindFields {
  /** Field labels the conversion function accepts (others are rejected). */
  labels: readonly string[];
  /** The apiserver's error for another label. */
  error: (label: string) => string;
  /**
   * Kind-specific selectable values (ToSelectableFields), besides metadata.name/namespace, one
   * getter per field: a watch matching one field computes only that one.
   */
  fields: Readonly<Record<string, (o: Obj) => string>>;
}

const coreError = (label: string) => `field label not supported: ${label}`;

// From pkg/apis/*/v1/conversion.go (AddFieldLabelConversionFunc) and pkg/registry/*/strategy.go
// (ToSelectableFields). Kinds absent here accept only metadata.name and metadata.namespace.
const KINDS: Record<string, KindFields> = {
  Pod: {
    labels: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName',
      'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs',
      'status.nominatedNodeName', 'spec.host'],
    error: coreError,
    fields: {
      'spec.nodeName': (o) => str(obj(o.spec).nodeName),
      'spec.restartPolicy': (o) => str(obj(o.spec).restartPolicy),
      'spec.schedulerName': (o) => str(obj(o.spec).schedulerName),
      'spec.serviceAccountName': (o) => str(obj(o.spec).serviceAccountName),
      'spec.hostNetwork': (o) => bool(obj(o.spec).hostNetwork),
      'status.phase': (o) => str(obj(o.status).phase),
      // Upstream selects on the first of status.podIPs; status.podIPs itself has no value.
      'status.podIP': (o) => {
        const ips = obj(o.status).podIPs;
        return Array.isArray(ips) && ips.length > 0 ? str(obj(ips[0]).ip) : '';
      },
      'status.nominatedNodeName': (o) => str(obj(o.status).nominatedNodeName),
    },
  },
  Node: {
    labels: ['metadata.name', 'spec.unschedulable'],
    error: coreError,
    fields: { 'spec.unschedulable': (o) => bool(obj(o.spec).unschedulable) },
  },
  ReplicationController: {
    labels: ['metadata.name', 'metadata.namespace', 'status.replicas'],
    error: coreError,
    fields: { 'status.replicas': (o) => int(obj(o.status).replicas) },
  },
  Event: {
    labels: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
      'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason',
      'reportingComponent', 'source', 'type', 'metadata.namespace', 'metadata.name'],
    error: coreError,
    fields: {
      'involvedObject.kind': (o) => str(obj(o.involvedObject).kind),
      'involvedObject.namespace': (o) => str(obj(o.involvedObject).namespace),
      'involvedObject.name': (o) => str(obj(o.involvedObject).name),
      'involvedObject.uid': (o) => str(obj(o.involvedObject).uid),
      'involvedObject.apiVersion': (o) => str(obj(o.involvedObject).apiVersion),
      'involvedObject.resourceVersion': (o) => str(obj(o.involvedObject).resourceVersion),
      'involvedObject.fieldPath': (o) => str(obj(o.involvedObject).fieldPath),
      reason: (o) => str(o.reason),
      reportingComponent: (o) => str(o.reportingComponent),
      source: (o) => str(obj(o.source).component) || str(o.reportingComponent),
      type: (o) => str(o.type),
    },
  },
  Namespace: {
    labels: ['status.phase', 'metadata.name'],
    error: coreError,
    fields: { 'status.phase': (o) => str(obj(o.status).phase) },
  },
  Secret: {
    labels: ['type', 'metadata.namespace', 'metadata.name'],
    error: coreError,
    fields: { type: (o) => str(o.type) },
  },
  Service: {
    labels: ['metadata.namespace', 'metadata.name', 'spec.clusterIP', 'spec.type'],
    error: coreError,
    fields: { 'spec.clusterIP': (o) => str(obj(o.spec).clusterIP), 'spec.type': (o) => str(obj(o.spec).type) },
  },
  Job: {
    labels: ['metadata.name', 'metadata.namespace', 'status.successful'],
    error: (label) => `field label ${goQuote(label)} not supported for "Job"`,
    fields: { 'status.successful': (o) => int(obj(o.status).succeeded) },
  },
  CronJob: {
    labels: ['metadata.name', 'metadata.namespace', 'status.successful'],
    error: (label) => `field label ${goQuote(label)} not supported for "CronJob"`,
    fields: {},
  },
  CertificateSigningRequest: {
    labels: ['metadata.name', 'spec.signerName'],
    error: coreError,
    fields: { 'spec.signerName': (o) => str(obj(o.spec).signerName) },
  },
};

// Kinds whose objects have no namespace field to select on.
const CLUSTER_SCOPED = new Set([
  'Node', 'Namespace', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'IngressClass',
  'PriorityClass', 'CustomResourceDefinition', 'CertificateSigningRequest', 'APIService', 'RuntimeClass',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'CSIDriver', 'CSINode', 'VolumeAttachment',
  'ClusterIssuer',
]);

// The core Event and events.k8s.io Event share a kind name; only the core one has these labels.
function kindFields(kind: string, apiVersion?: string): KindFields | undefined {
  if (kind === 'Event' && apiVersion !== undefined && apiVersion !== 'v1') return undefined;
  return Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
}

/**
 * The selectable fields of an object (the registry's ToSelectableFields): metadata.name, plus
 * metadata.namespace for namespaced kinds, plus the kind's own fields.
 */
export function fieldsForObject(kind: string, o: { metadata?: { name?: string; namespace?: string } } | Obj, apiVersion?: string): Record<string, string> {
  const rec = obj(o);
  const meta = obj(rec.metadata);
  const out: Record<string, string> = {};
  const fields = kindFields(kind, apiVersion)?.fields ?? {};
  for (const f of Object.keys(fields)) out[f] = fields[f](rec);
  out['metadata.name'] = str(meta.name);
  if (!CLUSTER_SCOPED.has(kind)) out['metadata.namespace'] = str(meta.namespace);
  return out;
}

/**
 * One selectable field of an object: what `fieldsForObject(kind, o)[field]` holds, '' when it has
 * no such field (as a selector reads a missing one), computed without the others.
 */
export function fieldValue(kind: string, o: Obj | object, field: string, apiVersion?: string): string {
  const rec = obj(o);
  if (field === 'metadata.name') return str(obj(rec.metadata).name);
  if (field === 'metadata.namespace') return CLUSTER_SCOPED.has(kind) ? '' : str(obj(rec.metadata).namespace);
  const fields = kindFields(kind, apiVersion)?.fields;
  return fields && Object.hasOwn(fields, field) ? fields[field](rec) : '';
}

/**
 * runtime.Scheme.ConvertFieldLabel: accepts a label the apiserver supports for the kind (mapping
 * the legacy pod `spec.host` to `spec.nodeName`), else throws FieldSelectorError with its message.
 */
export function convertFieldLabel(kind: string, label: string, value: string, apiVersion?: string): [string, string] {
  const k = kindFields(kind, apiVersion);
  if (!k) {
    if (label === 'metadata.name' || label === 'metadata.namespace') return [label, value];
    throw new FieldSelectorError(`${goQuote(label)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
  }
  if (!k.labels.includes(label)) throw new FieldSelectorError(k.error(label));
  if (kind === 'Pod' && label === 'spec.host') return ['spec.nodeName', value];
  return [label, value];
}

/** Checks (and converts) every term of a selector for a kind, as the apiserver's list does. */
export function validateFieldSelector(kind: string, selector: FieldSelector, apiVersion?: string): FieldSelector {
  return selector.transform((f, v) => convertFieldLabel(kind, f, v, apiVersion));
}
