import type { NextRequest } from "next/server";
import { enforce, invalidInput, parseId, parseInput } from "@switchboard/db";
import { CLIENT_IP_HEADER } from "@/server/client-ip";
import { getRuntime } from "@/server/runtime";
import type { AnyApiRouteSpec, PublicRouteSpec, RouteContext } from "./api-route";
import { rateLimited } from "./api-error";
import { authenticateRequest } from "./authenticate";
import { assertNotCrossSite } from "./cross-site";
import { getApiLogger } from "./logger";
import { toErrorResponse } from "./map-error";
import { readJsonBody } from "./read-json-body";
import { etagOf, readIfMatch } from "./if-match";
import { readQuery } from "./read-query";
import { jsonResponse, noContentResponse } from "./responses";

async function answer(route: AnyApiRouteSpec, request: NextRequest, context: RouteContext | undefined): Promise<Response> {
  const runtime = getRuntime();
  // server.ts sets the client's address (from a trusted proxy or the socket); a guess never gets here.
  const byAddress = await runtime.limits.consume("apiAddress", request.headers.get(CLIENT_IP_HEADER) ?? "unknown");
  if (!byAddress.ok) throw rateLimited(byAddress.retryAfterSeconds);
  const viewer = await authenticateRequest(request, { db: runtime.db, authSecret: runtime.config.authSecret });
  const byUser = await runtime.limits.consume("apiUser", viewer.id);
  if (!byUser.ok) throw rateLimited(byUser.retryAfterSeconds);
  // Routes with a body already demand application/json (readJsonBody); bodiless ones check here.
  if (!route.body) assertNotCrossSite(request, request.nextUrl.host);
  // Unknown and repeated parameters are refused before anything else, so a typo never passes as a filter.
  const rawQuery = route.query ? readQuery(request.nextUrl.searchParams, Object.keys(route.query.shape)) : undefined;
  if (route.rule) enforce(route.rule, viewer);
  const query = route.query ? parseInput(route.query, rawQuery) : undefined;
  const id = route.item ? parseId((await context?.params)?.id, route.item) : undefined;
  // The one place the route's types are erased: what was parsed above is what the spec declared.
  const call = { runtime, viewer, request, id, query, body: undefined as unknown, ifMatch: undefined } as Parameters<AnyApiRouteSpec["handle"]>[0];
  // E.g. "does the caller see this item?": answered before a body (up to 64 KB) is even read.
  await route.beforeBody?.(call);
  if (route.ifMatch) call.ifMatch = readIfMatch(request.headers.get("if-match"));
  if (route.body) {
    const parsed = route.body.safeParse(await readJsonBody(request, route.maxBodyBytes));
    if (!parsed.success) throw (route.invalidBody ?? invalidInput)(parsed.error);
    call.body = parsed.data;
  }
  const result = await route.handle(call);
  if (result instanceof Response) return result;
  if (route.success.status === 204) return noContentResponse();
  const version = route.etag?.(result);
  const headers = {
    ...(route.success.location ? { Location: route.success.location(result) } : {}),
    ...(version !== undefined ? { ETag: etagOf(version) } : {})
  };
  return jsonResponse(result, { status: route.success.status, headers });
}

/** Runs one authenticated operation; whatever it throws becomes the API's error format. */
export async function runApiRoute(route: AnyApiRouteSpec, request: NextRequest, context: RouteContext | undefined): Promise<Response> {
  try {
    return await answer(route, request, context);
  } catch (error) {
    return toErrorResponse(error, getApiLogger, { method: request.method, path: request.nextUrl.pathname });
  }
}

export async function runPublicRoute(route: Pick<PublicRouteSpec, "handle">, request: NextRequest): Promise<Response> {
  try {
    return await route.handle(request);
  } catch (error) {
    return toErrorResponse(error, getApiLogger, { method: request.method, path: request.nextUrl.pathname });
  }
}
