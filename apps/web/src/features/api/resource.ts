import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Viewer } from "@switchboard/auth";
import type { Page } from "@switchboard/contracts";
import { forbidden, parseInput, type ActingViewer, type ServiceDeps } from "@switchboard/db";
import { authenticated } from "./api-handler";
import { readJsonBody } from "./read-json-body";
import { readQuery } from "./read-query";
import { jsonResponse, noContentResponse } from "./responses";

/** A collection the API exposes, described by the data-layer services that implement it. */
export interface ApiResource<View extends { id: string }> {
  /** Collection path, for Location headers. */
  path: string;
  /** Query parameters the list accepts (its service validates their values). */
  queryKeys: readonly string[];
  /** The policy function the write services enforce, checked before a body is read. */
  canManage(viewer: Viewer): boolean;
  manageDenied: string;
  /** What PUT accepts: every writable field, omitted ones reset to their defaults. */
  replaceSchema: z.ZodType<Record<string, unknown>>;
  list(deps: ServiceDeps, viewer: ActingViewer, query: Record<string, string>): Promise<Page<View>>;
  get(deps: ServiceDeps, viewer: ActingViewer, id: string): Promise<View>;
  create(deps: ServiceDeps, viewer: ActingViewer, input: unknown): Promise<View>;
  update(deps: ServiceDeps, viewer: ActingViewer, id: string, input: unknown): Promise<View>;
  remove(deps: ServiceDeps, viewer: ActingViewer, id: string): Promise<unknown>;
}

export interface ItemContext {
  params: Promise<{ id: string }>;
}

// The services check policy again; checking first means a caller who may not write is told so
// without the API reading (up to 64 KB of) a body it will never use.
function assertCanManage<V extends { id: string }>(resource: ApiResource<V>, viewer: Viewer): void {
  if (!resource.canManage(viewer)) throw forbidden(resource.manageDenied);
}

/** GET (list) and POST (create) on `/api/v1/<collection>`. */
export function collectionHandlers<V extends { id: string }>(resource: ApiResource<V>) {
  return {
    list: authenticated<void>(async (request, { runtime, viewer }) => {
      const query = readQuery(request.nextUrl.searchParams, resource.queryKeys);
      return jsonResponse(await resource.list(runtime.services, viewer, query));
    }),
    create: authenticated<void>(async (request, { runtime, viewer }) => {
      assertCanManage(resource, viewer);
      const created = await resource.create(runtime.services, viewer, await readJsonBody(request));
      return jsonResponse({ data: created }, { status: 201, headers: { Location: `${resource.path}/${created.id}` } });
    })
  };
}

/** GET, PATCH, PUT and DELETE on `/api/v1/<collection>/{id}`. */
export function itemHandlers<V extends { id: string }>(resource: ApiResource<V>) {
  /** Shared by PATCH and PUT: 403, then 404 (before the body is even read), then the body. */
  async function write(request: NextRequest, viewer: ActingViewer, deps: ServiceDeps, id: string, prepare: (body: unknown) => unknown) {
    assertCanManage(resource, viewer);
    await resource.get(deps, viewer, id);
    const input = prepare(await readJsonBody(request));
    return jsonResponse({ data: await resource.update(deps, viewer, id, input) });
  }
  return {
    get: authenticated<ItemContext>(async (_request, { runtime, viewer }, { params }) => {
      const { id } = await params;
      return jsonResponse({ data: await resource.get(runtime.services, viewer, id) });
    }),
    patch: authenticated<ItemContext>(async (request, { runtime, viewer }, { params }) =>
      write(request, viewer, runtime.services, (await params).id, (body) => body)
    ),
    put: authenticated<ItemContext>(async (request, { runtime, viewer }, { params }) =>
      write(request, viewer, runtime.services, (await params).id, (body) => parseInput(resource.replaceSchema, body))
    ),
    remove: authenticated<ItemContext>(async (_request, { runtime, viewer }, { params }) => {
      assertCanManage(resource, viewer);
      await resource.remove(runtime.services, viewer, (await params).id);
      return noContentResponse();
    })
  };
}
