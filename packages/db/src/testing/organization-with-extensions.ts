import { createOrganization, extensionData } from "../seed/factories";
import type { TestDatabase } from "./test-database";

/** A new organization with an extension per number, each named "Ext <number>", written through the hooked client. */
export async function organizationWithExtensions(t: TestDatabase, ...numbers: string[]) {
  const db = t.database.client;
  const org = await createOrganization(db);
  const extensions = [];
  for (const number of numbers) extensions.push(await db.extension.create({ data: extensionData(t.box, org.id, number, { displayName: `Ext ${number}` }) }));
  return { org, extensions };
}
