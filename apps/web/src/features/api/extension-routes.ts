import { RULES } from "@switchboard/auth";
import { expectedVersionField, extensionCreateSchema, extensionUpdateSchema, extensionViewSchema } from "@switchboard/contracts";
import { createExtension, deleteExtension, extensionListQuerySchema, getExtension, listExtensions, updateExtension } from "@switchboard/db";
import { sipEndpointRoutes } from "./sip-endpoint-routes";

/** PUT: the create schema, except that an absent SIP secret keeps the current one and an absent user unassigns. */
export const extensionReplaceSchema = extensionCreateSchema
  .extend({ sipSecret: extensionUpdateSchema.shape.sipSecret, ...expectedVersionField })
  .transform(({ userId, ...rest }) => ({ ...rest, userId: userId ?? null }));

export const extensionRoutes = sipEndpointRoutes({
  item: "extension",
  tag: "Extensions",
  view: extensionViewSchema,
  readRule: RULES.readExtensions,
  manageRule: RULES.manageExtensions,
  querySchema: extensionListQuerySchema,
  createSchema: extensionCreateSchema,
  updateSchema: extensionUpdateSchema,
  replaceSchema: extensionReplaceSchema,
  list: listExtensions,
  get: getExtension,
  create: createExtension,
  update: updateExtension,
  remove: deleteExtension
});
