import { readdirSync } from "node:fs";
import path from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ApiRoute, RouteHandler } from "../api-route";
import { apiRoutes } from "../api-routes";
import { readResponse, apiRequest } from "../testing/api-request";
import { buildOpenApiDocument } from "./openapi-document";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const API_DIR = path.resolve(import.meta.dirname, "../../../app/api/v1");

/** Every route.ts below app/api/v1 with the OpenAPI path it serves (`[id]` → `{id}`). */
function routeFiles(): { file: string; path: string }[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((name) => path.basename(name) === "route.ts")
    .map((name) => ({
      file: path.join(API_DIR, name),
      path: `/api/v1/${path.dirname(name)}`.replace(/\[(\w+)\]/g, "{$1}")
    }));
}

async function exportedHandlers(file: string): Promise<Map<string, RouteHandler>> {
  const exports = (await import(file)) as Record<string, unknown>;
  return new Map(METHODS.filter((method) => typeof exports[method] === "function").map((method) => [method, exports[method] as RouteHandler]));
}

const routes: ApiRoute[] = Object.values(apiRoutes);
const document = buildOpenApiDocument(routes);
const components = document.components.schemas;
const refName = (ref: unknown) => String((ref as { $ref?: string }).$ref).replace("#/components/schemas/", "");
const withoutMeta = ({ $schema: _s, ...schema }: Record<string, unknown>) => schema;

describe("the OpenAPI document and the route files agree", () => {
  it("documents every method every route file exports, under the file's path, with that very handler", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const { file, path: apiPath } of files) {
      const handlers = await exportedHandlers(file);
      expect(handlers.size, file).toBeGreaterThan(0);
      for (const [method, handler] of handlers) {
        const operation = document.paths[apiPath]?.[method.toLowerCase()];
        expect(operation, `${method} ${apiPath} is not in the document`).toBeDefined();
        const route = routes.find((r) => r.operationId === operation?.operationId);
        expect(route?.handler, `${method} ${apiPath} exports another route's handler`).toBe(handler);
      }
    }
  });

  it("has a route file exporting every documented operation", async () => {
    const files = new Map(routeFiles().map((f) => [f.path, f.file]));
    for (const [apiPath, operations] of Object.entries(document.paths)) {
      const file = files.get(apiPath);
      expect(file, `no route file serves ${apiPath}`).toBeDefined();
      const handlers = await exportedHandlers(file ?? "");
      for (const method of Object.keys(operations)) expect(handlers.has(method.toUpperCase()), `${file} does not export ${method.toUpperCase()}`).toBe(true);
    }
  });

  it("names each entry of the route table by its operationId, once", () => {
    for (const [key, route] of Object.entries(apiRoutes)) expect(route.operationId).toBe(key);
    const operations = Object.values(document.paths).flatMap((ops) => Object.values(ops));
    expect(operations).toHaveLength(routes.length);
  });
});

describe("the document describes what the handlers parse", () => {
  it("gives each request body the JSON Schema of the zod schema its handler parses with", () => {
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as { requestBody?: { content: Record<string, { schema: unknown }> } };
      const body = "public" in route ? undefined : route.body;
      if (!body) {
        expect(operation.requestBody, route.operationId).toBeUndefined();
        continue;
      }
      const documented = components[refName(operation.requestBody?.content["application/json"]?.schema)];
      expect(documented, route.operationId).toEqual(withoutMeta(z.toJSONSchema(body, { io: "input", unrepresentable: "any" })));
    }
  });

  it("lists exactly the query parameters each handler accepts, the path id of item routes and If-Match where a change is conditional", () => {
    for (const route of routes) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()] as { parameters?: { name: string; in: string }[] };
      const documented = (operation.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort();
      const handled =
        "public" in route
          ? []
          : [
              ...(route.item ? ["path:id"] : []),
              ...(route.ifMatch ? ["header:If-Match"] : []),
              ...Object.keys(route.query?.shape ?? {}).map((key) => `query:${key}`)
            ];
      expect(documented, route.operationId).toEqual(handled.sort());
      expect(route.path.includes("{id}"), route.operationId).toBe(handled.includes("path:id"));
    }
  });

  it("documents the refusals a route's checks imply, with the rule's own message", () => {
    for (const route of routes) {
      const responses = document.paths[route.path]?.[route.method.toLowerCase()]?.responses as Record<string, { description: string }>;
      if ("public" in route) {
        expect(responses["401"], route.operationId).toBeUndefined();
        continue;
      }
      expect(responses["401"], route.operationId).toBeDefined();
      if (route.rule) expect(responses["403"]?.description, route.operationId).toContain(route.rule.denial);
      if (route.item) expect(responses["404"]?.description, route.operationId).toContain(`${route.item} not found`);
      if (route.body) expect(Object.keys(responses), route.operationId).toEqual(expect.arrayContaining(["400", "413"]));
    }
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    // validate() resolves the $refs in place, so it gets a copy.
    const checked = (await SwaggerParser.validate(structuredClone(document) as never)) as { openapi?: string };
    expect(checked.openapi).toBe("3.1.0");
  });

  it("refers only to schemas it defines", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(components[refName({ $ref: ref })], ref).toBeDefined();
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document without credentials, cacheable", async () => {
    const res = await readResponse(await apiRoutes.getOpenApiDocument.handler(apiRequest("GET", "/api/v1/openapi.json")));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    expect(res.body).toEqual(JSON.parse(JSON.stringify(document)));
    expect(res.body.openapi).toBe("3.1.0");
  });
});
