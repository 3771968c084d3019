import { canManageExtensions } from "@switchboard/auth";
import { extensionCreateSchema, extensionUpdateSchema, type ExtensionView } from "@switchboard/contracts";
import {
  createExtension,
  deleteExtension,
  extensionListQuerySchema,
  getExtension,
  listExtensions,
  updateExtension,
  type ExtensionListQuery
} from "@switchboard/db";
import { collectionHandlers, itemHandlers, type ApiResource } from "./resource";

/** PUT: the create schema, except that an absent SIP secret keeps the current one and an absent user unassigns. */
const extensionReplaceSchema = extensionCreateSchema
  .extend({ sipSecret: extensionUpdateSchema.shape.sipSecret })
  .transform(({ userId, ...rest }) => ({ ...rest, userId: userId ?? null }));

export const extensionsResource: ApiResource<ExtensionView> = {
  path: "/api/v1/extensions",
  queryKeys: Object.keys(extensionListQuerySchema.shape),
  canManage: canManageExtensions,
  manageDenied: "only admins and supervisors may change extensions",
  replaceSchema: extensionReplaceSchema,
  // The service validates the query with extensionListQuerySchema; the cast only names its input type.
  list: (deps, viewer, query) => listExtensions(deps, viewer, query as ExtensionListQuery),
  get: getExtension,
  create: createExtension,
  update: updateExtension,
  remove: deleteExtension
};

export const extensionCollectionApi = collectionHandlers(extensionsResource);
export const extensionItemApi = itemHandlers(extensionsResource);
