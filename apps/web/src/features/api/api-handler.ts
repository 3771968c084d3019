import type { NextRequest } from "next/server";
import type { SessionUser } from "@switchboard/auth";
import { getRuntime, type WebRuntime } from "@/server/runtime";
import { authenticateRequest } from "./authenticate";
import { getApiLogger } from "./logger";
import { toErrorResponse } from "./map-error";

export interface ApiCall {
  runtime: WebRuntime;
  viewer: SessionUser;
}

/**
 * Wraps a route handler: authenticates the caller (401 otherwise), runs the handler, and turns
 * anything thrown into the API's error format.
 */
export function authenticated<C>(handler: (request: NextRequest, call: ApiCall, context: C) => Promise<Response>) {
  return async (request: NextRequest, context: C): Promise<Response> => {
    try {
      const runtime = getRuntime();
      const viewer = await authenticateRequest(request, { db: runtime.db, authSecret: runtime.config.authSecret });
      return await handler(request, { runtime, viewer }, context);
    } catch (error) {
      return toErrorResponse(error, getApiLogger, { method: request.method, path: request.nextUrl.pathname });
    }
  };
}
