import { peekProcessSingleton, setProcessSingleton } from "@switchboard/config";
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { createApiToken, type ActingViewer, type User } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import type { Role } from "@switchboard/contracts";
import { loadWebConfig } from "@/env";
import { createWebRuntime, type WebRuntime } from "@/server/web-runtime";

export type Auth = { token: string } | { cookie: string } | null;

export interface TestUser {
  user: User;
  viewer: ActingViewer;
  /** Bearer auth with a fresh API token (customers may not hold tokens: cookie auth instead). */
  auth: Auth;
  cookie: { cookie: string };
}

export interface ApiTestEnv {
  testDb: TestDatabase;
  runtime: WebRuntime;
  authSecret: string;
  orgA: { id: string };
  orgB: { id: string };
  admin: TestUser;
  supervisor: TestUser;
  agent: TestUser;
  customer: TestUser;
  otherAdmin: TestUser;
  sessionCookie(user: User, options?: { secret?: string; maxAgeSeconds?: number }): Promise<string>;
  close(): Promise<void>;
}

// The runtime and the database handle are process singletons; a test file owns the process, so it
// clears them when done.
const SINGLETONS = ["web-runtime", "database"] as const;

function viewerOf(user: User): ActingViewer {
  return { id: user.id, orgId: user.organizationId, role: user.role, name: user.name };
}

/**
 * A real PostgreSQL database of its own, the web runtime pointed at it (exactly what the route
 * handlers use through getRuntime()), two organizations and one user per role.
 */
export async function createApiTestEnv(): Promise<ApiTestEnv> {
  if (SINGLETONS.some((name) => peekProcessSingleton(name) !== undefined)) throw new Error("a web runtime already exists in this process");
  const testDb = await createTestDatabase({ poolSize: 4 });
  const authSecret = randomBytes(32).toString("base64url");
  const config = loadWebConfig({
    NODE_ENV: "test",
    DATABASE_URL: testDb.url,
    DATABASE_POOL_SIZE: "4",
    AUTH_SECRET: authSecret,
    SECRETS_KEY: randomBytes(32).toString("base64url"),
    SEED_DEMO: "false",
    LOG_LEVEL: "silent"
  });
  const runtime = createWebRuntime(config);
  const db = runtime.db;

  async function sessionCookie(user: User, options: { secret?: string; maxAgeSeconds?: number } = {}): Promise<string> {
    const token = await encode({
      token: { sub: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email, sv: user.sessionVersion },
      secret: options.secret ?? authSecret,
      maxAge: options.maxAgeSeconds ?? 3600
    });
    return `next-auth.session-token=${token}`;
  }

  async function testUser(orgId: string, role: Role): Promise<TestUser> {
    const user = await createUser(db, orgId, { role });
    const viewer = viewerOf(user);
    const cookie = { cookie: await sessionCookie(user) };
    if (role === "customer") return { user, viewer, auth: cookie, cookie };
    const { token } = await createApiToken(db, viewer, { name: "tests" });
    return { user, viewer, auth: { token }, cookie };
  }

  const orgA = await createOrganization(db);
  const orgB = await createOrganization(db);
  return {
    testDb,
    runtime,
    authSecret,
    orgA,
    orgB,
    admin: await testUser(orgA.id, "admin"),
    supervisor: await testUser(orgA.id, "supervisor"),
    agent: await testUser(orgA.id, "agent"),
    customer: await testUser(orgA.id, "customer"),
    otherAdmin: await testUser(orgB.id, "admin"),
    sessionCookie,
    async close() {
      await runtime.limits.close();
      await runtime.database.close();
      await testDb.drop();
      for (const name of SINGLETONS) setProcessSingleton(name, undefined);
    }
  };
}
