import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { PolicyRule, SessionUser } from "@switchboard/auth";
import type { NotFoundSubject } from "@switchboard/db";
import type { WebRuntime } from "@/server/runtime";
import { runApiRoute, runPublicRoute } from "./run-api-route";

type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An answer an operation may give besides its success, as the API document lists it. */
export interface ErrorAnswer {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 429 | 502 | 503 | 504;
  description: string;
  /** The body, when it is not the API's error body (`{ error: { code, message, fields? } }`). */
  schema?: z.ZodType;
}

/** What a handler is given: everything of the request already checked and parsed. */
interface ApiCall<Item, Query extends z.ZodType, Body extends z.ZodType> {
  runtime: WebRuntime;
  viewer: SessionUser;
  request: NextRequest;
  /** The item's id from the path (a uuid); undefined on collection routes. */
  id: Item extends NotFoundSubject ? string : undefined;
  query: z.output<Query>;
  body: z.output<Body>;
  /** The version named by an `If-Match` header (routes with `ifMatch`); undefined when absent or `*`. */
  ifMatch: number | undefined;
}

/** What the API document says of an operation besides its input. */
interface RouteDoc<Success extends z.ZodType> {
  method: HttpMethod;
  /** OpenAPI path: `/api/v1/extensions/{id}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: Success;
    /** The Location header of a 201. */
    location?: (result: z.input<Success>) => string;
  };
  /** Answers the input does not imply (403 per field, 409, PBX failures, …). */
  errors?: ErrorAnswer[];
  /** The success answer carries `ETag: "<version>"` of the entity it returns (none when this gives undefined). */
  etag?: (result: z.input<Success>) => number | undefined;
  /** The operation changes a versioned entity and takes `If-Match: "<version>"` (G8: a stale one is refused with 409). */
  ifMatch?: true;
}

/**
 * One operation of the REST API: everything the handler checks and parses, in order, and what the
 * API document says about it. The handler and the document are both made from this, so they
 * cannot disagree. Order of checks: credentials (401), unknown query parameters (400), `rule`
 * (403), query values (400), the path's id (404), `beforeBody` (e.g. 404 for an item the caller
 * may not see), the body (400/413), then `handle`.
 */
interface ApiRouteSpec<
  Item extends NotFoundSubject | undefined,
  Query extends z.ZodObject,
  Body extends z.ZodType,
  Success extends z.ZodType
> extends RouteDoc<Success> {
  /** The rule the whole operation is subject to, checked before anything of the request is read. */
  rule?: PolicyRule;
  /** The path names one item by `{id}`; a malformed id is `<item> not found`. */
  item?: Item;
  query?: Query;
  beforeBody?: (call: Omit<ApiCall<Item, Query, Body>, "body" | "ifMatch">) => Promise<void>;
  body?: Body;
  /** Largest body read (default 64 KB); more is a 413. */
  maxBodyBytes?: number;
  /** How a body the schema refuses is reported; by default a bad_request naming every failing field. */
  invalidBody?: (error: z.ZodError) => Error;
  /** The success body (serialized as JSON), or a whole Response for answers of another shape. */
  handle(call: ApiCall<Item, Query, Body>): Promise<z.input<Success> | Response>;
}

export type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (request: NextRequest, context?: RouteContext) => Promise<Response>;

export type AnyApiRouteSpec = ApiRouteSpec<NotFoundSubject | undefined, z.ZodObject, z.ZodType, z.ZodType>;

/** An operation anyone may call (health, the API document): no credentials, no input. */
export interface PublicRouteSpec extends RouteDoc<z.ZodType> {
  public: true;
  handle(request: NextRequest): Promise<Response>;
}

/** A route spec with the handler made from it: route.ts files export `handler` as their method. */
export type ApiRoute = (AnyApiRouteSpec | PublicRouteSpec) & { handler: RouteHandler };

export function defineApiRoute<
  const Item extends NotFoundSubject | undefined = undefined,
  Query extends z.ZodObject = z.ZodObject<Record<never, never>>,
  Body extends z.ZodType = z.ZodUndefined,
  Success extends z.ZodType = z.ZodVoid
>(spec: ApiRouteSpec<Item, Query, Body, Success>): ApiRoute {
  const route = spec as unknown as AnyApiRouteSpec;
  return { ...route, handler: (request, context) => runApiRoute(route, request, context) };
}

export function definePublicRoute(spec: Omit<PublicRouteSpec, "public">): ApiRoute {
  return { ...spec, public: true, handler: (request) => runPublicRoute(spec, request) };
}
