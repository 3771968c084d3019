import { CALL_LIST_KEYS, getCall, listCalls } from "@switchboard/db";
import { authenticated } from "./api-handler";
import { readQuery } from "./read-query";
import type { ItemContext } from "./resource";
import { jsonResponse } from "./responses";

/**
 * /api/v1/calls (read-only; the PBX ingestion writes calls). The services decide: staff only,
 * the caller's organization only, filters validated with the failing field named.
 */
export const callsApi = {
  list: authenticated<void>(async (request, { runtime, viewer }) =>
    jsonResponse(await listCalls(runtime.services, viewer, readQuery(request.nextUrl.searchParams, CALL_LIST_KEYS)))
  ),

  get: authenticated<ItemContext>(async (_request, { runtime, viewer }, { params }) => {
    const { id } = await params;
    const detail = await getCall(runtime.services, viewer, id);
    return jsonResponse({ data: { ...detail.call, timeline: detail.timeline, extensions: detail.extensions, trunk: detail.trunk } });
  })
};
