// Label selectors (`app=web,tier in (a,b),!canary`): a port of apimachinery pkg/labels (parser,
// requirements, canonical strings), metav1.LabelSelectorAsSelector and label key/value validation.
import { goQuote } from '../codec/go-quote';

/** selection.Operator values, spelled as upstream spells them. */
export type Operator = '!' | '=' | '==' | 'in' | '!=' | 'notin' | 'exists' | 'gt' | 'lt';

/** One clause of a selector; values are sorted and de-duplicated when parsed from a string. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

/** A parsed label selector. */
export interface Selector {
  /** Whether a set of labels satisfies every requirement (undefined = no labels). */
  matches(labels: Record<string, string> | undefined | null): boolean;
  /** True for the selector that selects everything (no requirements). */
  empty(): boolean;
  /** Upstream's canonical string: requirements sorted by key, joined by ','. */
  toString(): string;
  requirements(): Requirement[];
  /** The single value a key must have, if the selector pins it (labels.Selector.RequiresExactMatch). */
  requiresExactMatch(key: string): string | undefined;
}

/** A selector or label that does not parse or validate; the message is upstream's. */
export class SelectorParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorParseError';
  }
}

const BINARY_OPERATORS: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
const ALL_OPERATORS: readonly Operator[] = [...BINARY_OPERATORS, 'exists', '!'];

// ---- validation (apimachinery util/validation) ----

const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const LABEL_VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const QNAME_RE = new RegExp(`^${QNAME_FMT}$`);
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);

/** validation.RegexError. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** validation.MaxLenError. */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** Go's len(): the UTF-8 byte length (no TextEncoder in the engine's lib). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** validation.IsDNS1123Subdomain: error strings, empty when valid. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** validation.IsQualifiedName, the rule for label keys: error strings, empty when valid. */
export function validateLabelKey(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => 'prefix part ' + m));
  } else {
    return [
      'a qualified name ' + regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (utf8Length(name) > 63) errs.push('name part ' + maxLenError(63));
  if (!QNAME_RE.test(name)) errs.push('name part ' + regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc'));
  return errs;
}

/** validation.IsValidLabelValue: error strings, empty when valid. */
export function validateLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}


/** Go string ordering (by bytes, i.e. by code points), for sorting like sort.Strings. */
export function compareGo(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

// field.Error rendering for the two error kinds labels produce.
const fieldInvalid = (path: string, value: string, detail: string) => `${path}: Invalid value: ${value}: ${detail}`;
const goStringSlice = (vs: readonly string[]) => `[]string{${vs.map(goQuote).join(', ')}}`;

function aggregate(errs: string[]): string | undefined {
  const uniq = [...new Set(errs)];
  if (uniq.length === 0) return undefined;
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

/**
 * labels.NewRequirement: validates and builds one requirement; throws SelectorParseError worded
 * as upstream's aggregated field errors (paths `key`, `values`, `values[0][key]`).
 */
export function newRequirement(key: string, operator: Operator, values: readonly string[]): Requirement {
  const errs: string[] = [];
  const keyErrs = validateLabelKey(key);
  if (keyErrs.length) errs.push(fieldInvalid('key', goQuote(key), keyErrs.join('; ')));
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(fieldInvalid('values', goStringSlice(values), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(fieldInvalid('values', goStringSlice(values), 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(fieldInvalid('values', goStringSlice(values), 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(fieldInvalid('values', goStringSlice(values), "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(fieldInvalid(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errs.push(`operator: Unsupported value: ${goQuote(String(operator))}: supported values: ${ALL_OPERATORS.map((o) => goQuote(o)).join(', ')}`);
  }
  values.forEach((v, i) => {
    const ve = validateLabelValue(v);
    if (ve.length) errs.push(fieldInvalid(`values[${i}][${key}]`, goQuote(v), ve.join('; ')));
  });
  const msg = aggregate(errs);
  if (msg !== undefined) throw new SelectorParseError(msg);
  return { key, operator, values: [...values] };
}

/** strconv.ParseInt(s, 10, 64), or undefined. */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(1n << 63n) && n < 1n << 63n ? n : undefined;
}

/** Whether one requirement holds for a label set (labels.Requirement.Matches). */
export function requirementMatches(r: Requirement, labels: Record<string, string> | undefined | null): boolean {
  const has = labels != null && Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : '';
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && r.values.includes(value);
    case 'notin':
    case '!=':
      return !has || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1) return false;
      const lv = parseInt64(value);
      const rv = parseInt64(r.values[0]);
      if (lv === undefined || rv === undefined) return false;
      return r.operator === 'gt' ? lv > rv : lv < rv;
    }
    default:
      return false;
  }
}

const OP_TEXT: Record<Operator, string> = {
  '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<', exists: '', '!': '',
};

/** labels.Requirement.String: `x in (a,b)`, `!x`, `x>1`. */
export function requirementToString(r: Requirement): string {
  if (r.operator === '!') return '!' + r.key;
  if (r.operator === 'exists') return r.key;
  const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareGo).join(',');
  const body = r.operator === 'in' || r.operator === 'notin' ? `(${vals})` : vals;
  return r.key + OP_TEXT[r.operator] + body;
}

class RequirementsSelector implements Selector {
  private readonly reqs: Requirement[];
  constructor(reqs: readonly Requirement[]) {
    // Stable sort by key, as upstream's sort of a small slice is.
    this.reqs = [...reqs].sort((a, b) => compareGo(a.key, b.key));
  }
  matches(labels: Record<string, string> | undefined | null): boolean {
    // A loop, not every(): no closure per call (informers and watches match every pod event).
    const reqs = this.reqs;
    for (let i = 0; i < reqs.length; i++) if (!requirementMatches(reqs[i], labels)) return false;
    return true;
  }
  empty(): boolean {
    return this.reqs.length === 0;
  }
  /** The text, built on first use (the requirements never change; caches key on it per pod). */
  private text: string | undefined;
  toString(): string {
    return (this.text ??= this.reqs.map(requirementToString).join(','));
  }
  requirements(): Requirement[] {
    return [...this.reqs];
  }
  requiresExactMatch(key: string): string | undefined {
    const r = this.reqs.find((x) => x.key === key);
    if (!r || !['=', '==', 'in'].includes(r.operator) || r.values.length !== 1) return undefined;
    return r.values[0];
  }
}

const NOTHING: Selector = {
  matches: () => false,
  empty: () => false,
  toString: () => '',
  requirements: () => [],
  requiresExactMatch: () => undefined,
};

/** labels.Everything(): matches every object. */
export function everything(): Selector {
  return new RequirementsSelector([]);
}

/** labels.Nothing(): matches no object. */
export function nothing(): Selector {
  return NOTHING;
}

/** A selector from requirements (sorted by key, as labels.Selector.Add does). */
export function selectorFromRequirements(reqs: readonly Requirement[]): Selector {
  return new RequirementsSelector(reqs);
}

/** labels.SelectorFromSet: `k=v` for each entry, without validation. */
export function selectorFromSet(set: Record<string, string> | undefined | null): Selector {
  return new RequirementsSelector(Object.entries(set ?? {}).map(([key, v]) => ({ key, operator: '=' as const, values: [v] })));
}

/** labels.ValidatedSelectorFromSet: like selectorFromSet, but validates keys and values. */
export function validatedSelectorFromSet(set: Record<string, string> | undefined | null): Selector {
  return new RequirementsSelector(Object.entries(set ?? {}).map(([k, v]) => newRequirement(k, '=', [v])));
}

/** metav1.LabelSelector as stored in objects. */
export interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] | null }> | null;
}

/**
 * metav1.LabelSelectorAsSelector: null/undefined selects nothing, an empty selector everything.
 * Throws SelectorParseError with upstream's message for invalid content.
 */
export function selectorFromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  if (ls == null) return NOTHING;
  const ml = ls.matchLabels ?? {};
  const me = ls.matchExpressions ?? [];
  if (Object.keys(ml).length + me.length === 0) return everything();
  const reqs: Requirement[] = Object.entries(ml).map(([k, v]) => newRequirement(k, '=', [v]));
  const ops = new Map<string, Operator>([['In', 'in'], ['NotIn', 'notin'], ['Exists', 'exists'], ['DoesNotExist', '!']]);
  for (const e of me) {
    const op = ops.get(e.operator);
    if (!op) throw new SelectorParseError(`${goQuote(e.operator)} is not a valid label selector operator`);
    reqs.push(newRequirement(e.key, op, e.values ?? []));
  }
  return new RequirementsSelector(reqs);
}

/** labels.Set.String: `k=v` pairs sorted as strings, joined by ','. */
export function labelsToString(map: Record<string, string> | undefined | null): string {
  return Object.entries(map ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .sort(compareGo)
    .join(',');
}

/** labels.FormatLabels: like labelsToString, `<none>` when empty. */
export function formatLabels(map: Record<string, string> | undefined | null): string {
  return labelsToString(map) || '<none>';
}

/** labels.ConvertSelectorToLabelsMap: `a=b,c=d` to a map (used for --labels flags). */
export function convertSelectorToLabelsMap(selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (selector === '') return out;
  for (const label of selector.split(',')) {
    const l = label.split('=');
    if (l.length !== 2) throw new SelectorParseError(`invalid selector: [${l.join(' ')}]`);
    const key = l[0].trim();
    const ke = validateLabelKey(key);
    if (ke.length) throw new SelectorParseError(fieldInvalid('<nil>', goQuote(key), ke.join('; ')));
    const value = l[1].trim();
    const ve = validateLabelValue(value);
    if (ve.length) throw new SelectorParseError(fieldInvalid(`[${key}]`, goQuote(value), ve.join('; ')));
    out[key] = value;
  }
  return out;
}


// ---- the selector language (labels.Parse) ----

type Tok = 'error' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
// A Map, not an object literal, so that identifiers like `constructor` are not found in it.
const KEYWORDS = new Map<string, Tok>(
  [')', ',', '!', '==', '=', '>', 'in', '<', '!=', 'notin', '('].map((t) => [t, t as Tok]),
);
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => '=!(),><'.includes(c) && c !== '';

/** labels.Lexer: splits a selector into tokens; a special-symbol run yields its longest token. */
function lex(s: string): Array<{ tok: Tok; lit: string }> {
  const items: Array<{ tok: Tok; lit: string }> = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: 'eos', lit: '' });
      return items;
    }
    if (isSpecial(s[pos])) {
      let buf = '';
      let last: { tok: Tok; lit: string } | undefined;
      while (pos < s.length && isSpecial(s[pos])) {
        buf += s[pos];
        const kw = KEYWORDS.get(buf);
        if (kw) last = { tok: kw, lit: buf };
        else if (last) break;
        pos++;
      }
      items.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
    } else {
      let buf = '';
      while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) buf += s[pos++];
      items.push({ tok: KEYWORDS.get(buf) ?? 'id', lit: buf });
    }
  }
}

const OPERATOR_TOKENS: Partial<Record<Tok, Operator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };

/** labels.Parser: recursive descent over the tokens, with upstream's error texts. */
class Parser {
  private position = 0;
  constructor(private readonly items: Array<{ tok: Tok; lit: string }>) {}

  // In value context the keywords `in` and `notin` are plain identifiers.
  private lookahead(values: boolean): { tok: Tok; lit: string } {
    const it = this.items[this.position];
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }
  private consume(values: boolean): { tok: Tok; lit: string } {
    const it = this.lookahead(values);
    this.position++;
    return it;
  }
  private fail(msg: string): never {
    throw new SelectorParseError(msg);
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      if (tok === 'eos') return reqs;
      if (tok !== 'id' && tok !== '!') this.fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.parseRequirement());
      } catch (e) {
        if (e instanceof SelectorParseError) this.fail(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const t = this.consume(true);
      if (t.tok === 'eos') return reqs;
      if (t.tok !== ',') this.fail(`found '${t.lit}', expected: ',' or 'end of string'`);
      const t2 = this.lookahead(true);
      if (t2.tok !== 'id' && t2.tok !== '!') this.fail(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  private parseRequirement(): Requirement {
    let notExists = false;
    let t = this.consume(true);
    if (t.tok === '!') {
      notExists = true;
      t = this.consume(true);
    }
    if (t.tok !== 'id') this.fail(`found '${t.lit}', expected: identifier`);
    const keyErrs = validateLabelKey(t.lit);
    if (keyErrs.length) this.fail(fieldInvalid('<nil>', goQuote(t.lit), keyErrs.join('; ')));
    const key = t.lit;
    const next = this.lookahead(true).tok;
    // `!key` is always a complete requirement; a bare key before ',' or the end means Exists.
    if (notExists) return newRequirement(key, '!', []);
    if (next === 'eos' || next === ',') return newRequirement(key, 'exists', []);
    const opTok = this.consume(false);
    const op = OPERATOR_TOKENS[opTok.tok];
    if (!op) this.fail(`found '${opTok.lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    // sets.String.List(): sorted, without duplicates.
    return newRequirement(key, op, [...new Set(values)].sort(compareGo));
  }

  private parseValues(): string[] {
    const open = this.consume(true);
    if (open.tok !== '(') this.fail(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead(true);
    if (tok === ')') {
      this.consume(true);
      return [''];
    }
    if (tok !== 'id' && tok !== ',') this.fail(`found '${lit}', expected: ',', ')' or identifier`);
    const s = this.parseIdentifiersList();
    if (this.consume(true).tok !== ')') this.fail(`found '${lit}', expected: ')'`);
    return s;
  }

  private parseIdentifiersList(): string[] {
    const s: string[] = [];
    for (;;) {
      const { tok, lit } = this.consume(true);
      if (tok === 'id') {
        s.push(lit);
        const t2 = this.lookahead(true);
        if (t2.tok === ',') continue;
        if (t2.tok === ')') return s;
        this.fail(`found '${t2.lit}', expected: ',' or ')'`);
      } else if (tok === ',') {
        // Empty values: `(,a)`, `(a,)` and `(a,,b)` all carry "".
        if (s.length === 0) s.push('');
        const t2 = this.lookahead(true).tok;
        if (t2 === ')') {
          s.push('');
          return s;
        }
        if (t2 === ',') {
          this.consume(true);
          s.push('');
        }
      } else {
        this.fail(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): string[] {
    const t = this.lookahead(true).tok;
    if (t === 'eos' || t === ',') return [''];
    const v = this.consume(true);
    if (v.tok === 'id') return [v.lit];
    this.fail(`found '${v.lit}', expected: identifier`);
  }
}

/** labels.ParseToRequirements: the requirements of a selector string, sorted by key. */
export function parseToRequirements(selector: string): Requirement[] {
  return new RequirementsSelector(new Parser(lex(selector)).parse()).requirements();
}

/**
 * labels.Parse: parses `x=a,y!=b,z in (c,d),!w,v>1`; throws SelectorParseError with upstream's
 * message, e.g. `found '=', expected: ',' or 'end of string'`.
 */
export function parseSelector(selector: string): Selector {
  return new RequirementsSelector(new Parser(lex(selector)).parse());
}
