// Restores the enum information a live v1.32 apiserver publishes (OpenAPIEnums, beta and on by
// default) but upstream's checked-in api/openapi-spec files lack: `enum` lists and the
// "Possible enum values:" paragraph. It reads the k8s.io/api Go sources (`+enum` string types,
// their typed constants and the struct fields using them) and reproduces kube-openapi's
// pkg/generators/enum.go + openapi.go rules. Go is read with line patterns: the sources are gofmt'ed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Go packages of k8s.io/api: dir `core/v1` -> files. */
function listPackages(root) {
  const out = [];
  const walk = (rel) => {
    const abs = join(root, rel);
    const entries = readdirSync(abs);
    const goFiles = entries.filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'));
    if (rel && goFiles.length > 0) out.push({ dir: rel, files: goFiles.map((f) => join(abs, f)) });
    for (const e of entries) {
      if (e === 'testdata' || e.startsWith('.')) continue;
      if (statSync(join(abs, e)).isDirectory()) walk(rel ? `${rel}/${e}` : e);
    }
  };
  walk('');
  return out;
}

/** The `//` comment lines directly above line i (gengo's docComment), markers stripped. */
function docComment(lines, i) {
  const out = [];
  for (let j = i - 1; j >= 0; j--) {
    const m = /^\s*\/\/ ?(.*)$/.exec(lines[j]);
    if (!m) break;
    out.unshift(m[1]);
  }
  return out;
}

/** import alias -> package dir inside k8s.io/api (only those imports). */
function parseImports(text) {
  const aliases = new Map();
  const re = /^\s*(?:(\w+)\s+)?"k8s\.io\/api\/([^"]+)"/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const dir = m[2];
    aliases.set(m[1] ?? dir.split('/').pop(), dir);
  }
  return aliases;
}

/** Collects `+enum` types, typed string constants and struct fields from every package. */
function scanPackages(root) {
  const enumTypes = new Map(); // "core/v1.ServiceType" -> { values: [{name, value, comment}] }
  const constants = []; // { pkg, name, type, value, comment, imports }
  const structs = new Map(); // "core/v1.ServiceSpec" -> [{ json, type, inline, imports, pkg }]
  for (const { dir, files } of listPackages(root)) {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const imports = parseImports(text);
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        let m = /^type (\w+) string\s*$/.exec(line);
        if (m && docComment(lines, i).some((c) => c.trim() === '+enum')) {
          enumTypes.set(`${dir}.${m[1]}`, { values: [] });
          continue;
        }
        // `Name Type = "value"` or `Name = Type("value")`, inside a const block or alone.
        m =
          /^\s*(?:const\s+)?(\w+)\s+((?:\w+\.)?\w+)\s*=\s*"((?:[^"\\]|\\.)*)"/.exec(line) ??
          /^\s*(?:const\s+)?(\w+)\s*=\s*((?:\w+\.)?\w+)\("((?:[^"\\]|\\.)*)"\)/.exec(line);
        if (m && (line.startsWith('\t') || line.startsWith('const '))) {
          constants.push({ pkg: dir, name: m[1], type: m[2], value: JSON.parse(`"${m[3]}"`), comment: docComment(lines, i), imports });
          continue;
        }
        m = /^type (\w+) struct \{\s*$/.exec(line);
        if (m) {
          const fields = [];
          for (i++; i < lines.length && lines[i] !== '}'; i++) {
            const f = /^\t(?:(\w+)\s+)?(\S+)\s+`json:"([^"]*)"/.exec(lines[i]);
            if (!f) continue;
            const [jsonName, ...opts] = f[3].split(',');
            fields.push({ json: jsonName, type: f[2], inline: opts.includes('inline'), imports, pkg: dir });
          }
          structs.set(`${dir}.${m[1]}`, fields);
        }
      }
    }
  }
  return { enumTypes, constants, structs };
}

/** Resolves a Go type name as written in package `pkg` (`ServiceType`, `v1.PullPolicy`). */
function qualify(typeName, pkg, imports) {
  const dot = typeName.indexOf('.');
  if (dot < 0) return `${pkg}.${typeName}`;
  const dir = imports.get(typeName.slice(0, dot));
  return dir ? `${dir}.${typeName.slice(dot + 1)}` : undefined;
}

/** kube-openapi's enumValue.Description: " - `"v"` comment-without-leading-const-name". */
function valueLine(v) {
  let comment = v.comment.join(' ').trim();
  if (comment.startsWith(v.name)) comment = comment.slice(v.name.length);
  comment = comment.trim().replace(/\s+/g, ' ');
  return ` - \`${JSON.stringify(v.value)}\` ${comment}`.replace(/ +$/, '');
}

/** Go's sort.Strings order (byte-wise). */
function byteSort(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

/**
 * Reads k8s.io/api at `root` and returns schemaName -> jsonField -> { values, lines, where }
 * where `where` is 'self' (field of the enum type or a pointer to it: enum + description),
 * 'items' ([]Enum) or 'additionalProperties' (map[...]Enum): enum only, as kube-openapi does.
 */
export function readEnumFields(root) {
  const { enumTypes, constants, structs } = scanPackages(root);
  for (const c of constants) {
    const key = qualify(c.type, c.pkg, c.imports);
    const t = key && enumTypes.get(key);
    if (!t) continue;
    const existing = t.values.findIndex((v) => v.value === c.value);
    if (existing < 0) t.values.push(c);
    else {
      // Same tie-break as kube-openapi's addIfNotPresent: keep the longer comment.
      const old = t.values[existing];
      const a = old.comment.join(' ');
      const b = c.comment.join(' ');
      if (a.length < b.length || (a.length === b.length && a > b)) t.values[existing] = c;
    }
  }
  const result = new Map();
  const fieldsOf = (structKey, seen = new Set()) => {
    if (seen.has(structKey)) return [];
    seen.add(structKey);
    const out = [];
    for (const f of structs.get(structKey) ?? []) {
      if (f.inline) {
        const inner = qualify(f.type.replace(/^\*/, ''), f.pkg, f.imports);
        if (inner) out.push(...fieldsOf(inner, seen));
      } else out.push(f);
    }
    return out;
  };
  for (const structKey of structs.keys()) {
    const [dir, typeName] = [structKey.slice(0, structKey.lastIndexOf('.')), structKey.slice(structKey.lastIndexOf('.') + 1)];
    const schemaName = `io.k8s.api.${dir.replace(/\//g, '.')}.${typeName}`;
    for (const f of fieldsOf(structKey)) {
      let where = 'self';
      let t = f.type.replace(/^\*/, '');
      if (t.startsWith('[]')) {
        where = 'items';
        t = t.slice(2);
      } else if (t.startsWith('map[')) {
        where = 'additionalProperties';
        t = t.slice(t.indexOf(']') + 1);
      }
      const key = qualify(t, f.pkg, f.imports);
      const e = key && enumTypes.get(key);
      if (!e || e.values.length === 0) continue;
      const values = e.values.map((v) => v.value).sort((a, b) => byteSort(JSON.stringify(a), JSON.stringify(b)));
      const lines = e.values.map(valueLine).sort(byteSort);
      if (!result.has(schemaName)) result.set(schemaName, new Map());
      result.get(schemaName).set(f.json, { values, lines, where });
    }
  }
  return result;
}

/** Returns `schema` with its keys in byte order, as upstream's JSON has them. */
function sortKeys(schema) {
  return Object.fromEntries(Object.keys(schema).sort(byteSort).map((k) => [k, schema[k]]));
}

/**
 * Applies the enum facts to one upstream document's schemas in place (before trimming).
 * Returns how many properties changed.
 */
export function applyEnums(schemas, enumFields) {
  let changed = 0;
  for (const [schemaName, fields] of enumFields) {
    const schema = schemas[schemaName];
    if (!schema?.properties) continue;
    for (const [field, info] of fields) {
      const prop = schema.properties[field];
      if (!prop) continue;
      if (info.where === 'self') {
        const next = { ...prop, enum: info.values };
        const paragraph = `Possible enum values:\n${info.lines.join('\n')}`;
        next.description = prop.description ? `${prop.description}\n\n${paragraph}` : paragraph;
        schema.properties[field] = sortKeys(next);
      } else if (prop[info.where] && typeof prop[info.where] === 'object') {
        prop[info.where] = sortKeys({ ...prop[info.where], enum: info.values });
      } else continue;
      changed++;
    }
  }
  return changed;
}
