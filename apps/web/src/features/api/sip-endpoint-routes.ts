import type { z } from "zod";
import type { PolicyRule } from "@switchboard/auth";
import { dataSchemaOf, pageSchemaOf, type Page } from "@switchboard/contracts";
import type { ActingViewer, ServiceDeps } from "@switchboard/db";
import { defineApiRoute } from "./api-route";
import { expectedVersion } from "./if-match";

/** A collection of SIP endpoints (extensions, trunks) the API exposes, described by the services behind it. */
/** What the services take for an update: the fields, and the version the change is based on. */
type Versioned = { version?: number };

export interface SipEndpointResource<
  View extends { id: string; version: number },
  Query extends z.ZodObject,
  Create extends z.ZodType,
  Update extends z.ZodType<Versioned>
> {
  /** Singular, as in "extension not found"; the collection path is `/api/v1/<item>s`. */
  item: "extension" | "trunk";
  tag: string;
  view: z.ZodType<View, View>;
  readRule: PolicyRule;
  manageRule: PolicyRule;
  querySchema: Query;
  createSchema: Create;
  updateSchema: Update;
  /** What PUT accepts: every writable field, omitted ones reset to their defaults. */
  replaceSchema: z.ZodType<z.output<Update>>;
  list(deps: ServiceDeps, viewer: ActingViewer, query: z.output<Query>): Promise<Page<View>>;
  get(deps: ServiceDeps, viewer: ActingViewer, id: string): Promise<View>;
  create(deps: ServiceDeps, viewer: ActingViewer, input: z.output<Create>): Promise<View>;
  update(deps: ServiceDeps, viewer: ActingViewer, id: string, input: z.output<Update>): Promise<View>;
  remove(deps: ServiceDeps, viewer: ActingViewer, id: string, version?: number): Promise<unknown>;
}

const CONFLICT = { status: 409, description: "a unique field (named in `fields`) clashes with another row" } as const;

/** The six operations of `/api/v1/<items>` and `/api/v1/<items>/{id}`; items carry an ETag (their version) and changes take If-Match. */
export function sipEndpointRoutes<
  View extends { id: string; version: number },
  Query extends z.ZodObject,
  Create extends z.ZodType,
  Update extends z.ZodType<Versioned>
>(resource: SipEndpointResource<View, Query, Create, Update>) {
  const { item, tag } = resource;
  const collection = `/api/v1/${item}s`;
  const one: z.ZodType<{ data: View }, { data: View }> = dataSchemaOf(resource.view);
  const Name = item[0]?.toUpperCase() + item.slice(1);
  const itemRoute = { path: `${collection}/{id}`, tag, item } as const;
  const write = { rule: resource.manageRule, errors: [CONFLICT] };
  const etag = (answer: { data: View }) => answer.data.version;
  /** PATCH and PUT: 403, then 404 before the body is read, then the body. */
  const change = (
    method: "PATCH" | "PUT",
    body: Update | z.ZodType<z.output<Update>>,
    text: { operationId: string; summary: string; description?: string; done: string }
  ) =>
    defineApiRoute({
      method,
      ...itemRoute,
      operationId: text.operationId,
      summary: text.summary,
      ...(text.description ? { description: text.description } : {}),
      ...write,
      beforeBody: async ({ runtime, viewer, id }) => void (await resource.get(runtime.services, viewer, id)),
      body,
      ifMatch: true,
      etag,
      success: { status: 200, description: `The ${text.done} ${item}`, schema: one },
      handle: async ({ runtime, viewer, id, body: input, ifMatch }) => ({
        data: await resource.update(runtime.services, viewer, id, { ...input, version: expectedVersion(ifMatch, input.version) })
      })
    });
  return {
    list: defineApiRoute({
      method: "GET",
      path: collection,
      tag,
      operationId: `list${Name}s`,
      summary: `List ${item}s (search, filter, sort, page)`,
      rule: resource.readRule,
      query: resource.querySchema,
      success: { status: 200, description: `One page of the organization's ${item}s`, schema: pageSchemaOf(resource.view) },
      handle: ({ runtime, viewer, query }) => resource.list(runtime.services, viewer, query)
    }),
    create: defineApiRoute({
      method: "POST",
      path: collection,
      tag,
      operationId: `create${Name}`,
      summary: `Create ${item}`,
      ...write,
      body: resource.createSchema,
      success: { status: 201, description: `The new ${item}`, schema: one, location: (created) => `${collection}/${created.data.id}` },
      handle: async ({ runtime, viewer, body }) => ({ data: await resource.create(runtime.services, viewer, body) })
    }),
    get: defineApiRoute({
      method: "GET",
      ...itemRoute,
      operationId: `get${Name}`,
      summary: `One ${item}`,
      rule: resource.readRule,
      etag,
      success: { status: 200, description: `The ${item}`, schema: one },
      handle: async ({ runtime, viewer, id }) => ({ data: await resource.get(runtime.services, viewer, id) })
    }),
    patch: change("PATCH", resource.updateSchema, { operationId: `update${Name}`, summary: `Change some fields of one ${item}`, done: "changed" }),
    put: change("PUT", resource.replaceSchema, {
      operationId: `replace${Name}`,
      summary: `Replace every writable field of one ${item}`,
      description: "Omitted fields reset to their defaults; an omitted secret keeps the current one.",
      done: "replaced"
    }),
    remove: defineApiRoute({
      method: "DELETE",
      ...itemRoute,
      operationId: `delete${Name}`,
      summary: `Delete one ${item}`,
      rule: resource.manageRule,
      ifMatch: true,
      success: { status: 204, description: "Deleted; no body" },
      handle: async ({ runtime, viewer, id, ifMatch }) => void (await resource.remove(runtime.services, viewer, id, ifMatch))
    })
  };
}
