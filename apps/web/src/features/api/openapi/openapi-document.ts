import { z } from "zod";
import { apiErrorBodySchema } from "@switchboard/contracts";
import { MAX_BODY_BYTES } from "../read-json-body";
import type { ApiRoute, ErrorAnswer } from "../api-route";
import { NAMED_INPUTS, NAMED_OUTPUTS } from "./openapi-components";

type Json = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  tags: { name: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
  security: Record<string, string[]>[];
}

const REF = (name: string) => `#/components/schemas/${name}`;

/** Schemas that go under components: the named ones, and each operation's own under its name. */
class Components {
  private readonly registry = z.registry<{ id: string }>();
  private readonly names = new Map<z.ZodType, string>();

  constructor(
    private readonly io: "input" | "output",
    named: [z.ZodType, string][]
  ) {
    for (const [schema, name] of named) this.name(schema, name);
  }

  /** The $ref of a schema, registering it under `fallback` unless it already has a name. */
  ref(schema: z.ZodType, fallback: string): Json {
    return { $ref: REF(this.name(schema, this.wrapperName(schema) ?? fallback)) };
  }

  /** `{ data: X }` is XItem and `{ data: X[], page, … }` XPage, for a named X. */
  private wrapperName(schema: z.ZodType): string | undefined {
    if (!(schema instanceof z.ZodObject)) return undefined;
    const data = (schema.shape as Record<string, z.ZodType | undefined>).data;
    const inner = data instanceof z.ZodArray ? (data.element as z.ZodType) : data;
    const name = inner && this.names.get(inner);
    if (!name) return undefined;
    return data instanceof z.ZodArray ? `${name}Page` : `${name}Item`;
  }

  private name(schema: z.ZodType, name: string): string {
    const known = this.names.get(schema);
    if (known) return known;
    this.names.set(schema, name);
    this.registry.add(schema, { id: name });
    return name;
  }

  emit(): Record<string, Json> {
    const { schemas } = z.toJSONSchema(this.registry, { io: this.io, uri: REF, unrepresentable: "any" });
    if ("__shared" in schemas) throw new Error("a schema is reused in a way the document cannot name; name it in openapi-components.ts");
    return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...schema }]) => [name, schema]));
  }
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
const jsonContent = (schema: Json) => ({ "application/json": { schema } });

function queryParameters(query: z.ZodObject): Json[] {
  const json = z.toJSONSchema(query, { io: "input", unrepresentable: "any" });
  const required = new Set(Array.isArray(json.required) ? json.required : []);
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema as Json;
    return { name, in: "query", required: required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

/** The error answers an operation may give: those its shape implies (credentials, policy, id, input) and its own. */
function errorAnswers(route: ApiRoute): ErrorAnswer[] {
  if ("public" in route) return route.errors ?? [];
  const implied: ErrorAnswer[] = [
    { status: 401, description: "no credentials, or invalid ones" },
    { status: 429, description: "too many requests from this user or address; `Retry-After` says when to try again" }
  ];
  if (route.rule) implied.push({ status: 403, description: `\`${route.rule.denial}\`` });
  if (route.method === "POST" && !route.body)
    implied.push({
      status: 403,
      description: "cross-site request refused: a session-cookie call needs `Content-Type: application/json` or the console's own Origin"
    });
  if (route.query || route.body) implied.push({ status: 400, description: "invalid input; `fields` names each problem" });
  if (route.item) implied.push({ status: 404, description: `\`${route.item} not found\` (also for one you may not see)` });
  if (route.body) implied.push({ status: 413, description: `body larger than ${(route.maxBodyBytes ?? MAX_BODY_BYTES) / 1024} KB` });
  if (route.ifMatch) {
    implied.push({ status: 400, description: "`If-Match` is not one of this API's ETags (`fields.If-Match`), or disagrees with the body's `version`" });
    implied.push({
      status: 409,
      description:
        "stale: the entity changed since the version you sent (If-Match or `version`); `current` has its version and who changed it, the `ETag` header its version"
    });
  }
  return [...implied, ...(route.errors ?? [])];
}

function operation(route: ApiRoute, inputs: Components, outputs: Components): Json {
  const name = pascal(route.operationId);
  const parameters: Json[] = [];
  if (!("public" in route)) {
    if (route.item) parameters.push({ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } });
    if (route.query) parameters.push(...queryParameters(route.query));
    if (route.ifMatch) {
      parameters.push({
        name: "If-Match",
        in: "header",
        required: false,
        description: 'The ETag (version) your change is based on, e.g. "3"; a stale one is refused with 409. Absent or * : no check.',
        schema: { type: "string" }
      });
    }
  }
  const { success } = route;
  const responses: Record<string, Json> = {
    [success.status]: {
      description: success.description,
      ...(success.schema ? { content: jsonContent(outputs.ref(success.schema, `${name}Response`)) } : {}),
      ...(success.location || route.etag
        ? {
            headers: {
              ...(success.location ? { Location: { description: "the new resource", schema: { type: "string" } } } : {}),
              ...(route.etag ? { ETag: { description: 'the entity\'s version, e.g. "3" (send it back in If-Match)', schema: { type: "string" } } } : {})
            }
          }
        : {})
    }
  };
  for (const answer of errorAnswers(route)) {
    const previous = responses[answer.status]?.description;
    const schema = outputs.ref(answer.schema ?? apiErrorBodySchema, `${name}${answer.status}`);
    responses[answer.status] = { description: previous ? `${String(previous)}; ${answer.description}` : answer.description, content: jsonContent(schema) };
  }
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(!("public" in route) && route.body ? { requestBody: { required: true, content: jsonContent(inputs.ref(route.body, `${name}Request`)) } } : {}),
    responses,
    ...("public" in route ? { security: [] } : {})
  };
}

/** The OpenAPI 3.1 document of the routes, from the same zod schemas their handlers parse with. */
export function buildOpenApiDocument(routes: readonly ApiRoute[]): OpenApiDocument {
  const inputs = new Components("input", NAMED_INPUTS);
  const outputs = new Components("output", NAMED_OUTPUTS);
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, inputs, outputs);
  return {
    openapi: "3.1.0",
    info: {
      title: "Switchboard REST API",
      version: "1",
      description: "Extensions, trunks, calls and tickets of the caller's organization. Authentication, errors, paging and examples: docs/api.md."
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...inputs.emit(), ...outputs.emit() },
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token (`sbk_…`), created under Settings → API tokens" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The web app's session (`__Secure-` prefixed over HTTPS)" }
      }
    },
    security: [{ apiToken: [] }, { sessionCookie: [] }]
  };
}
