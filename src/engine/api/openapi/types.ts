// Types for the trimmed upstream OpenAPI v3 documents in ./data (see scripts/openapi/generate.mjs).
// They describe only the keys the generator keeps.

/** A group-version-kind as OpenAPI's x-kubernetes-group-version-kind spells it. */
export interface OpenApiGVK {
  group: string;
  version: string;
  kind: string;
}

/** One JSON schema node, as upstream publishes it (OpenAPI 3.0 schema object subset). */
export interface OpenApiSchema {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema | boolean;
  required?: string[];
  enum?: unknown[];
  $ref?: string;
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  default?: unknown;
  'x-kubernetes-group-version-kind'?: OpenApiGVK[];
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-embedded-resource'?: boolean;
}

/** A GET operation as kept in the slim paths (enough for explain's GVR -> GVK lookup). */
export interface OpenApiOperation {
  description?: string;
  operationId?: string;
  responses: Record<string, unknown>;
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: OpenApiGVK;
}

/** A path item: only `get` is kept, plus path parameters. */
export interface OpenApiPathItem {
  get?: OpenApiOperation;
  parameters?: unknown[];
}

/** Provenance the generator writes into every document. */
export interface OpenApiSource {
  upstream: string;
  ref: string;
  obtainedFrom: string;
  /** Where the enums a live apiserver adds (OpenAPIEnums) were restored from. */
  enumsFrom: string;
}

/** One group-version's document: valid OpenAPI 3.0, servable as is. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  'x-kubeplay-source': OpenApiSource;
  paths: Record<string, OpenApiPathItem>;
  components: { schemas: Record<string, OpenApiSchema>; securitySchemes?: Record<string, unknown> };
}
