import type { ApiRoute } from "../api-route";
import { buildOpenApiDocument } from "./openapi-document";

let body: string | undefined;

/** The document, built once per process: it changes only with the code. Public, so caches may keep it. */
export function openApiResponse(routes: readonly ApiRoute[]): Response {
  body ??= JSON.stringify(buildOpenApiDocument(routes));
  return new Response(body, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff" }
  });
}
