import { canManageTrunks } from "@switchboard/auth";
import { trunkCreateSchema, trunkUpdateSchema, type TrunkView } from "@switchboard/contracts";
import { createTrunk, deleteTrunk, getTrunk, listTrunks, trunkListQuerySchema, updateTrunk, type TrunkListQuery } from "@switchboard/db";
import { collectionHandlers, itemHandlers, type ApiResource } from "./resource";

/** PUT: the create schema, except that an absent secret keeps the current one (null removes it) and an absent username clears it. */
const trunkReplaceSchema = trunkCreateSchema
  .extend({ secret: trunkUpdateSchema.shape.secret })
  .transform(({ username, ...rest }) => ({ ...rest, username: username ?? null }));

export const trunksResource: ApiResource<TrunkView> = {
  path: "/api/v1/trunks",
  queryKeys: Object.keys(trunkListQuerySchema.shape),
  canManage: canManageTrunks,
  manageDenied: "only admins may change trunks",
  replaceSchema: trunkReplaceSchema,
  // The service validates the query with trunkListQuerySchema; the cast only names its input type.
  list: (deps, viewer, query) => listTrunks(deps, viewer, query as TrunkListQuery),
  get: getTrunk,
  create: createTrunk,
  update: updateTrunk,
  remove: deleteTrunk
};

export const trunkCollectionApi = collectionHandlers(trunksResource);
export const trunkItemApi = itemHandlers(trunksResource);
