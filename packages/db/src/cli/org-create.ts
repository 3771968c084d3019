import { parseArgs } from "node:util";
import { z } from "zod";
import { emailSchema, organizationNameSchema, personNameSchema, timeZoneSchema } from "@switchboard/contracts";
import { createDatabase } from "../client/create-client";
import { createOrganizationWithAdmin } from "../services/organizations";
import { loadCliConfig, loadCliPublicUrl } from "./env";

const USAGE = `usage: npm run org:create -- --name "Acme Phones" --admin-email ada@acme.example [--admin-name "Ada Admin"] [--time-zone Europe/Berlin] [--url https://switchboard.acme.example]

Creates an organization and invites its first admin: prints the one-time link (valid 7 days)
with which they set their password. --url is where the console is reached (default: $PUBLIC_URL,
else http://localhost:3000).`;

const argsSchema = z.object({
  name: organizationNameSchema,
  "admin-email": emailSchema,
  "admin-name": personNameSchema.optional(),
  "time-zone": timeZoneSchema.default("UTC"),
  url: z.url({ error: "must be an absolute http(s) URL" }).optional()
});

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      name: { type: "string" },
      "admin-email": { type: "string" },
      "admin-name": { type: "string" },
      "time-zone": { type: "string" },
      url: { type: "string" },
      help: { type: "boolean" }
    },
    strict: true
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const parsed = argsSchema.safeParse(values);
if (!parsed.success) fail(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
const args = parsed.data;
const baseUrl = (args.url ?? loadCliPublicUrl() ?? "http://localhost:3000").replace(/\/+$/, "");

const config = loadCliConfig();
const db = createDatabase(config.database);
try {
  await db.migrate();
  const adminName = args["admin-name"] ?? args["admin-email"].split("@")[0] ?? "Admin";
  const { orgId, link } = await createOrganizationWithAdmin(db.client, {
    name: args.name,
    timeZone: args["time-zone"],
    adminEmail: args["admin-email"],
    adminName
  });
  console.log(`organization "${args.name}" created (${orgId}), time zone ${args["time-zone"]}`);
  console.log(`${args["admin-email"]} is invited as its admin; send them this link (it works once, until ${link.expiresAt.toISOString()}):`);
  console.log(`${baseUrl}/invite/${link.token}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
