import { expect, test } from "./fixtures";

// Checks the harness itself: reconnect tests rely on a crashed node coming back on the same URL.
test("the realtime node can be crashed and restarted on the same port", async ({ realtime, urls, request }) => {
  await realtime.stop();
  await expect(request.get(`${urls.realtime}/readyz`)).rejects.toThrow();
  await realtime.start();
  expect((await request.get(`${urls.realtime}/readyz`)).ok()).toBe(true);
});

// A real installation (DATABASE_URL set, SEED_DEMO=false) never simulates PBX traffic unasked.
test("the cluster stack's web process runs no simulator", async ({ urls, request, stack }) => {
  expect((await request.get(`${urls.web}/pbx/stats`)).status()).toBe(401);
  const response = await request.get(`${urls.web}/pbx/stats`, { headers: { authorization: `Bearer ${stack.opsToken}` } });
  expect(response.ok()).toBe(true);
  expect(((await response.json()) as { pbx: { simulator: unknown } }).pbx.simulator).toBeNull();
});
