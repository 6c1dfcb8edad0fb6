// metav1.LabelSelector: validation (meta/v1/validation ValidateLabelSelector), matching as
// LabelSelectorAsSelector does, and the Go %#v rendering validation errors print it with.

import type { FieldError } from '../strategy';
import type { Obj } from './json';
import { isObj, objs, str, sortedKeys } from './json';
import { invalid, required, forbidden, child, index } from './field';
import { goValue } from './field-error';
import { goQuote } from '../../codec/go-quote';
import { isValidLabelValue } from './names';
import { validateLabels, validateLabelName } from './objectmeta';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector (strict: label values in expressions must be valid). */
export function validateLabelSelector(sel: unknown, path: string): FieldError[] {
  if (!isObj(sel)) return [];
  const errs = validateLabels(sel.matchLabels, child(path, 'matchLabels'));
  objs(sel, 'matchExpressions').forEach((e, i) => {
    const p = index(child(path, 'matchExpressions'), i);
    const op = str(e, 'operator');
    const values = Array.isArray(e.values) ? (e.values as unknown[]) : [];
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(child(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(child(p, 'values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(child(p, 'operator'), op, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(str(e, 'key'), child(p, 'key')));
    values.forEach((v, j) => {
      const s = typeof v === 'string' ? v : '';
      for (const m of isValidLabelValue(s)) errs.push(invalid(index(child(p, 'values'), j), s, m));
    });
  });
  return errs;
}

/** Whether a selector has no requirement at all (labels.Everything()). */
export function isEmptySelector(sel: Obj): boolean {
  return sortedKeys(getMatchLabels(sel)).length === 0 && objs(sel, 'matchExpressions').length === 0;
}

function getMatchLabels(sel: Obj): Obj {
  return isObj(sel.matchLabels) ? sel.matchLabels : {};
}

/** Whether LabelSelectorAsSelector would fail (unknown operator, bad In/NotIn/Exists values). */
export function selectorConversionFails(sel: Obj): boolean {
  return objs(sel, 'matchExpressions').some((e) => {
    const op = str(e, 'operator');
    const n = Array.isArray(e.values) ? e.values.length : 0;
    if (!OPERATORS.includes(op)) return true;
    if ((op === 'In' || op === 'NotIn') && n === 0) return true;
    if ((op === 'Exists' || op === 'DoesNotExist') && n > 0) return true;
    return false;
  });
}

/** Whether a selector matches a label set. A nil selector (labels.Nothing()) matches nothing. */
export function selectorMatches(sel: unknown, labels: unknown): boolean {
  if (!isObj(sel)) return false;
  const set: Obj = isObj(labels) ? labels : {};
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(set, k);
  const ml = getMatchLabels(sel);
  for (const k of Object.keys(ml)) if (!has(k) || set[k] !== ml[k]) return false;
  for (const e of objs(sel, 'matchExpressions')) {
    const k = str(e, 'key');
    const values = Array.isArray(e.values) ? (e.values as unknown[]) : [];
    switch (str(e, 'operator')) {
      case 'In':
        if (!has(k) || !values.includes(set[k])) return false;
        break;
      case 'NotIn':
        if (has(k) && values.includes(set[k])) return false;
        break;
      case 'Exists':
        if (!has(k)) return false;
        break;
      case 'DoesNotExist':
        if (has(k)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`. */
export function goLabelSelector(sel: unknown, pkg = 'v1'): string {
  if (!isObj(sel)) return 'null';
  const ml = isObj(sel.matchLabels) ? goValue(sel.matchLabels) : 'map[string]string(nil)';
  const exprs = Array.isArray(sel.matchExpressions)
    ? `[]${pkg}.LabelSelectorRequirement{${objs(sel, 'matchExpressions')
        .map(
          (e) =>
            `${pkg}.LabelSelectorRequirement{Key:${goQuote(str(e, 'key'))}, Operator:${goQuote(str(e, 'operator'))}, Values:${
              Array.isArray(e.values) ? goValue(e.values, '[]string') : '[]string(nil)'
            }}`,
        )
        .join(', ')}}`
    : `[]${pkg}.LabelSelectorRequirement(nil)`;
  return `${pkg}.LabelSelector{MatchLabels:${ml}, MatchExpressions:${exprs}}`;
}

/** `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}`: how an IntOrString prints in errors. */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  const n = typeof v === 'number' ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}
