import { RULES } from "@switchboard/auth";
import { expectedVersionField, trunkCreateSchema, trunkUpdateSchema, trunkViewSchema } from "@switchboard/contracts";
import { createTrunk, deleteTrunk, getTrunk, listTrunks, trunkListQuerySchema, updateTrunk } from "@switchboard/db";
import { sipEndpointRoutes } from "./sip-endpoint-routes";

/** PUT: the create schema, except that an absent secret keeps the current one (null removes it) and an absent username clears it. */
export const trunkReplaceSchema = trunkCreateSchema
  .extend({ secret: trunkUpdateSchema.shape.secret, ...expectedVersionField })
  .transform(({ username, ...rest }) => ({ ...rest, username: username ?? null }));

export const trunkRoutes = sipEndpointRoutes({
  item: "trunk",
  tag: "Trunks",
  view: trunkViewSchema,
  readRule: RULES.readTrunks,
  manageRule: RULES.manageTrunks,
  querySchema: trunkListQuerySchema,
  createSchema: trunkCreateSchema,
  updateSchema: trunkUpdateSchema,
  replaceSchema: trunkReplaceSchema,
  list: listTrunks,
  get: getTrunk,
  create: createTrunk,
  update: updateTrunk,
  remove: deleteTrunk
});
