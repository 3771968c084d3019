import type { Logger } from "pino";
import { DEMO_ORG_SLUG, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@switchboard/db/seed";
import type { WebRuntime } from "../web-runtime";

/**
 * A fresh installation gets the demo organization, so there is something to sign in to.
 * Resolves whether the demo organization exists now (its logins are worth printing).
 */
export async function seedDemoIfEmpty({ config, db, box }: WebRuntime, logger: Logger): Promise<{ demo: boolean }> {
  if (config.seedDemo && (await db.organization.count()) === 0) {
    const { created } = await seedDemo(db, box);
    const admin = DEMO_USERS.find((u) => u.role === "admin")?.email ?? "admin@demo.test";
    logger.info({ created, email: admin, password: DEMO_PASSWORD }, `demo organization created: sign in as ${admin} / ${DEMO_PASSWORD}`);
    return { demo: true };
  }
  return { demo: (await db.organization.findUnique({ where: { slug: DEMO_ORG_SLUG }, select: { id: true } })) !== null };
}
