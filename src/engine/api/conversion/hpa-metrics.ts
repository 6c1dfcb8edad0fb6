// MetricSpec / MetricStatus between autoscaling/v2 and the autoscaling/v1 shapes kept in the
// `autoscaling.alpha.kubernetes.io/metrics` and `.../current-metrics` annotations (the v2beta1-style
// fields: targetAverageUtilization, metricName...), as pkg/apis/autoscaling/v1/conversion.go does.

type Obj = Record<string, unknown>;

function o(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** Copies the keys whose value is not undefined, in the given order (Go's struct field order). */
function compact(entries: [string, unknown][]): Obj {
  const out: Obj = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return out;
}

/** A non-pointer resource.Quantity marshals as "0" when unset. */
const q = (v: unknown): unknown => v ?? '0';

function ref(r: Obj | undefined): Obj {
  return compact([['kind', r?.kind ?? ''], ['name', r?.name ?? ''], ['apiVersion', r?.apiVersion]]);
}

/** v2 MetricSpec -> v1 MetricSpec (for the metrics annotation). */
export function metricSpecToV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const res = o(m.resource), cres = o(m.containerResource), pods = o(m.pods), obj = o(m.object), ext = o(m.external);
  if (obj) {
    const t = o(obj.target) ?? {}, id = o(obj.metric) ?? {};
    out.object = compact([['target', ref(o(obj.describedObject))], ['metricName', id.name ?? ''], ['targetValue', q(t.value)], ['selector', id.selector], ['averageValue', t.averageValue]]);
  }
  if (pods) {
    const t = o(pods.target) ?? {}, id = o(pods.metric) ?? {};
    out.pods = compact([['metricName', id.name ?? ''], ['targetAverageValue', q(t.averageValue)], ['selector', id.selector]]);
  }
  if (res) {
    const t = o(res.target) ?? {};
    out.resource = compact([['name', res.name], ['targetAverageUtilization', t.averageUtilization], ['targetAverageValue', t.averageValue]]);
  }
  if (cres) {
    const t = o(cres.target) ?? {};
    out.containerResource = compact([['name', cres.name], ['targetAverageUtilization', t.averageUtilization], ['targetAverageValue', t.averageValue], ['container', cres.container ?? '']]);
  }
  if (ext) {
    const t = o(ext.target) ?? {}, id = o(ext.metric) ?? {};
    out.external = compact([['metricName', id.name ?? ''], ['metricSelector', id.selector], ['targetValue', t.value], ['targetAverageValue', t.averageValue]]);
  }
  return out;
}

/** v1 MetricSpec (from the annotation) -> v2 MetricSpec. */
export function metricSpecFromV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const res = o(m.resource), cres = o(m.containerResource), pods = o(m.pods), obj = o(m.object), ext = o(m.external);
  if (obj) {
    const t = o(obj.target) ?? {};
    out.object = {
      describedObject: ref(t),
      target: compact([['type', obj.averageValue === undefined ? 'Value' : 'AverageValue'], ['value', q(obj.targetValue)], ['averageValue', obj.averageValue]]),
      metric: compact([['name', obj.metricName ?? ''], ['selector', obj.selector]]),
    };
  }
  if (pods) {
    out.pods = {
      metric: compact([['name', pods.metricName ?? ''], ['selector', pods.selector]]),
      target: { type: 'AverageValue', averageValue: q(pods.targetAverageValue) },
    };
  }
  if (res) out.resource = { name: res.name, target: resourceTargetFromV1(res) };
  if (cres) out.containerResource = { name: cres.name, target: resourceTargetFromV1(cres), container: cres.container ?? '' };
  if (ext) {
    out.external = {
      metric: compact([['name', ext.metricName ?? ''], ['selector', ext.metricSelector]]),
      target: compact([['type', ext.targetValue === undefined ? 'AverageValue' : 'Value'], ['value', ext.targetValue], ['averageValue', ext.targetAverageValue]]),
    };
  }
  return out;
}

function resourceTargetFromV1(r: Obj): Obj {
  const util = r.targetAverageUtilization;
  return compact([['type', util === undefined ? 'AverageValue' : 'Utilization'], ['averageUtilization', util], ['averageValue', r.targetAverageValue]]);
}

/** v2 MetricStatus -> v1 MetricStatus (for the current-metrics annotation). */
export function metricStatusToV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const res = o(m.resource), cres = o(m.containerResource), pods = o(m.pods), obj = o(m.object), ext = o(m.external);
  if (obj) {
    const c = o(obj.current) ?? {}, id = o(obj.metric) ?? {};
    out.object = compact([['target', ref(o(obj.describedObject))], ['metricName', id.name ?? ''], ['currentValue', q(c.value)], ['selector', id.selector], ['averageValue', c.averageValue]]);
  }
  if (pods) {
    const c = o(pods.current) ?? {}, id = o(pods.metric) ?? {};
    out.pods = compact([['metricName', id.name ?? ''], ['currentAverageValue', q(c.averageValue)], ['selector', id.selector]]);
  }
  if (res) {
    const c = o(res.current) ?? {};
    out.resource = compact([['name', res.name], ['currentAverageUtilization', c.averageUtilization], ['currentAverageValue', q(c.averageValue)]]);
  }
  if (cres) {
    const c = o(cres.current) ?? {};
    out.containerResource = compact([['name', cres.name], ['currentAverageUtilization', c.averageUtilization], ['currentAverageValue', q(c.averageValue)], ['container', cres.container ?? '']]);
  }
  if (ext) {
    const c = o(ext.current) ?? {}, id = o(ext.metric) ?? {};
    out.external = compact([['metricName', id.name ?? ''], ['metricSelector', id.selector], ['currentValue', q(c.value)], ['currentAverageValue', c.averageValue]]);
  }
  return out;
}

/** v1 MetricStatus (from the annotation) -> v2 MetricStatus. */
export function metricStatusFromV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const res = o(m.resource), cres = o(m.containerResource), pods = o(m.pods), obj = o(m.object), ext = o(m.external);
  if (obj) {
    out.object = {
      metric: compact([['name', obj.metricName ?? ''], ['selector', obj.selector]]),
      current: compact([['value', q(obj.currentValue)], ['averageValue', obj.averageValue]]),
      describedObject: ref(o(obj.target)),
    };
  }
  if (pods) out.pods = { metric: compact([['name', pods.metricName ?? ''], ['selector', pods.selector]]), current: { averageValue: q(pods.currentAverageValue) } };
  if (res) out.resource = { name: res.name, current: compact([['averageValue', q(res.currentAverageValue)], ['averageUtilization', res.currentAverageUtilization]]) };
  if (cres) {
    out.containerResource = {
      name: cres.name,
      current: compact([['averageValue', q(cres.currentAverageValue)], ['averageUtilization', cres.currentAverageUtilization]]),
      container: cres.container ?? '',
    };
  }
  if (ext) {
    out.external = {
      metric: compact([['name', ext.metricName ?? ''], ['selector', ext.metricSelector]]),
      current: compact([['value', q(ext.currentValue)], ['averageValue', ext.currentAverageValue]]),
    };
  }
  return out;
}
