import { expect, test } from "./fixtures";

// Checks the harness itself: reconnect tests rely on a crashed node coming back on the same URL.
test("the realtime node can be crashed and restarted on the same port", async ({ realtime, urls, request }) => {
  await realtime.stop();
  await expect(request.get(`${urls.realtime}/readyz`)).rejects.toThrow();
  await realtime.start();
  expect((await request.get(`${urls.realtime}/readyz`)).ok()).toBe(true);
});
