// Writes src/ui/editor/schema/kubernetes.schema.json, the editor's JSON schema of every kind the
// engine serves, from the engine's upstream OpenAPI documents. Usage: npx tsx scripts/gen-schemas.ts
// (tests/ui/editor/schema.test.ts fails when the checked-in file is stale).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESOURCE_TYPES } from '../src/engine/api/registry';
import { buildKubernetesSchema, type BuiltSchema, type OpenApiDocumentIn } from './gen-schemas.lib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'src/engine/api/openapi/data');
export const SCHEMA_FILE = join(ROOT, 'src/ui/editor/schema/kubernetes.schema.json');

/** `api__v1.json` -> `v1`, `apis__apps__v1.json` -> `apps/v1`. */
function groupVersionOfFile(file: string): string {
  return file.replace(/\.json$/, '').split('__').slice(1).join('/');
}

/** Reads the engine's OpenAPI documents and builds the schema. */
export function generate(): BuiltSchema {
  const docs: Record<string, OpenApiDocumentIn> = {};
  for (const f of readdirSync(DATA).filter((n) => n.endsWith('.json')).sort()) {
    docs[groupVersionOfFile(f)] = JSON.parse(readFileSync(join(DATA, f), 'utf8')) as OpenApiDocumentIn;
  }
  return buildKubernetesSchema(docs, RESOURCE_TYPES);
}

/** The file's exact text (compact JSON: it is only read by machines, and size is download time). */
export function render(built: BuiltSchema): string {
  return JSON.stringify(built.schema) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const built = generate();
  writeFileSync(SCHEMA_FILE, render(built));
  console.log(`wrote ${SCHEMA_FILE}: ${built.covered.length} kinds; no OpenAPI definition: ${built.uncovered.join(', ') || 'none'}`);
}
