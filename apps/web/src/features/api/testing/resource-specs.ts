import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { extensionCreateSchema, trunkCreateSchema, type Role } from "@switchboard/contracts";
import { createExtension, createTrunk, getExtension, getTrunk, parseInput, type ActingViewer, type ServiceDeps } from "@switchboard/db";
import * as extensionItem from "@/app/api/v1/extensions/[id]/route";
import * as extensionCollection from "@/app/api/v1/extensions/route";
import * as trunkItem from "@/app/api/v1/trunks/[id]/route";
import * as trunkCollection from "@/app/api/v1/trunks/route";

type ItemHandler = (request: NextRequest, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/** Rows written through the services, as the API's create route does: body parsed, then the service. */
interface Seeder {
  create(deps: ServiceDeps, viewer: ActingViewer, body: Record<string, unknown>): Promise<{ id: string }>;
  get(deps: ServiceDeps, viewer: ActingViewer, id: string): Promise<{ id: string }>;
}

function seeder<S extends z.ZodType>(
  schema: S,
  create: (deps: ServiceDeps, viewer: ActingViewer, input: z.output<S>) => Promise<{ id: string }>,
  get: Seeder["get"]
): Seeder {
  return { create: (deps, viewer, body) => create(deps, viewer, parseInput(schema, body)), get };
}

/** What the shared tests need to know about one REST collection. */
interface ResourceSpec {
  name: "extensions" | "trunks";
  path: string;
  /** The outbox event type prefix and subject kind. */
  kind: "extension" | "trunk";
  /** The services behind the collection, for seeding rows without going through HTTP. */
  resource: Seeder;
  collection: { GET(request: NextRequest): Promise<Response>; POST(request: NextRequest): Promise<Response> };
  item: { GET: ItemHandler; PATCH: ItemHandler; PUT: ItemHandler; DELETE: ItemHandler };
  /** A valid create body, unique per `n`, and the plain secret it carries. */
  validBody(n: number): { body: Record<string, unknown>; secret: string };
  /** The field that sorts lists by default and the one a PATCH changes. */
  sortKey: "number" | "name";
  patch: Record<string, unknown>;
  secretKey: "sipSecret" | "secret";
  invalidBody: Record<string, unknown>;
  invalidFields: string[];
  /** Create bodies that clash with validBody(n), and the field each conflict names. */
  duplicates(n: number): { body: Record<string, unknown>; field: string }[];
  /** Roles that may write, and staff roles that may read but not write. */
  writerRoles: Role[];
  readOnlyRoles: Role[];
}

const extensionSpec: ResourceSpec = {
  name: "extensions",
  path: "/api/v1/extensions",
  kind: "extension",
  resource: seeder(extensionCreateSchema, createExtension, getExtension),
  collection: extensionCollection,
  item: extensionItem,
  validBody(n) {
    const secret = `sip-secret-${randomUUID()}`;
    return { body: { number: String(100 + n), displayName: `Desk ${n}`, sipUsername: `desk${n}`, sipSecret: secret }, secret };
  },
  sortKey: "number",
  patch: { displayName: "Front desk", transport: "tls" },
  secretKey: "sipSecret",
  invalidBody: { number: "12x", displayName: "", sipUsername: "no spaces allowed", sipSecret: "short", transport: "carrier-pigeon", colour: "red" },
  invalidFields: ["number", "displayName", "sipUsername", "sipSecret", "transport", "colour"],
  duplicates(n) {
    return [
      { body: { ...this.validBody(n).body, sipUsername: `other${n}` }, field: "number" },
      { body: { ...this.validBody(n).body, number: String(900 + n) }, field: "sipUsername" }
    ];
  },
  writerRoles: ["admin", "supervisor"],
  readOnlyRoles: ["agent"]
};

const trunkSpec: ResourceSpec = {
  name: "trunks",
  path: "/api/v1/trunks",
  kind: "trunk",
  resource: seeder(trunkCreateSchema, createTrunk, getTrunk),
  collection: trunkCollection,
  item: trunkItem,
  validBody(n) {
    const secret = `trunk-secret-${randomUUID()}`;
    return { body: { name: `Carrier ${String(n).padStart(3, "0")}`, host: `sip${n}.carrier.example`, username: `acct${n}`, secret }, secret };
  },
  sortKey: "name",
  patch: { maxChannels: 60, transport: "tls" },
  secretKey: "secret",
  invalidBody: { name: "", host: "not a host!", port: 70000, maxChannels: 0, transport: "fax", colour: "red" },
  invalidFields: ["name", "host", "port", "maxChannels", "transport", "colour"],
  duplicates(n) {
    return [{ body: { ...this.validBody(n).body, host: "elsewhere.example" }, field: "name" }];
  },
  writerRoles: ["admin"],
  readOnlyRoles: ["agent", "supervisor"]
};

export const resourceSpecs = [extensionSpec, trunkSpec];
