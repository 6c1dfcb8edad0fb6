// GET /openapi/v2: an empty OpenAPI v2 document. kubectl falls back to v2 when a manifest's
// group/version is not in /openapi/v3 (an unknown kind): with a 404 there it fails validation
// ("the server could not find the requested resource"), while a real apiserver's v2 document
// lets it go on to upstream's "resource mapping not found ... ensure CRDs are installed first".
import type { ServerResponse } from 'node:http';
import { sendJson } from './http-util';

/** The media type client-go asks /openapi/v2 for (gnostic's protobuf Document). */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

/**
 * Answers /openapi/v2 with a document that has no definitions: zero bytes in protobuf (an empty
 * message decodes to an empty Document), a bare swagger object in JSON. Tools that read v2
 * schemas therefore see no types; kubectl validates with v3 and skips kinds v2 does not know.
 */
export function serveOpenApiV2(accept: string | undefined, res: ServerResponse): void {
  if ((accept ?? '').includes('protobuf')) {
    res.writeHead(200, { 'Content-Type': OPENAPI_V2_PROTOBUF, 'Content-Length': 0 });
    res.end();
    return;
  }
  sendJson(res, 200, { swagger: '2.0', info: { title: 'Kubernetes', version: 'v1.32.4' }, paths: {}, definitions: {} });
}
