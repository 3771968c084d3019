import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EgressGuard, EgressRefusedError, EGRESS_REFUSED_MESSAGE, type Resolver } from "./egress-guard";
import { guardedPost } from "./guarded-post";

const strict = new EgressGuard({ allowPrivate: false, ownServices: [] });
const onPrem = new EgressGuard({ allowPrivate: true, ownServices: [] });

async function refusal(promise: Promise<unknown>): Promise<EgressRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(EgressRefusedError);
  expect((error as Error).message).toBe(EGRESS_REFUSED_MESSAGE);
  return error as EgressRefusedError;
}

describe("EgressGuard", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.1.2.3", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["10.0.0.8", "private"],
    ["172.16.4.4", "private"],
    ["192.168.1.10", "private"],
    ["fd12::1", "private"],
    ["169.254.169.254", "metadata"],
    ["169.254.10.10", "link_local"],
    ["fe80::1", "link_local"],
    ["0.0.0.0", "reserved"],
    ["64:ff9b::7f00:1", "reserved"],
    ["224.0.0.1", "reserved"]
  ])("refuses %s (%s) with the one generic message", async (host, kind) => {
    const error = await refusal(strict.check(host, 80));
    expect(error.reason).toContain(kind);
  });

  it("allows a public address", async () => {
    await expect(strict.check("93.184.216.34", 443)).resolves.toEqual({ address: "93.184.216.34", family: 4 });
  });

  it("refuses a hostname that resolves to loopback", async () => {
    await refusal(strict.check("localhost", 80));
    const resolver: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];
    await refusal(new EgressGuard({ allowPrivate: false, ownServices: [] }, resolver).check("sneaky.example", 80));
  });

  it("refuses a name with a private address among public ones", async () => {
    const resolver: Resolver = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.1", family: 4 }
    ];
    await refusal(new EgressGuard({ allowPrivate: false, ownServices: [] }, resolver).check("mixed.example", 443));
  });

  it("checks at every connect: a name that turns private later (DNS rebinding) is refused then", async () => {
    let answer = "93.184.216.34";
    const guard = new EgressGuard({ allowPrivate: false, ownServices: [] }, async () => [{ address: answer, family: 4 }]);
    await expect(guard.check("rebind.example", 80)).resolves.toMatchObject({ address: "93.184.216.34" });
    answer = "127.0.0.1";
    await refusal(guard.check("rebind.example", 80));
  });

  it("with private addresses allowed (on-premises), still refuses metadata, link-local and our own services", async () => {
    await expect(onPrem.check("10.0.0.8", 5038)).resolves.toMatchObject({ address: "10.0.0.8" });
    await expect(onPrem.check("127.0.0.1", 5038)).resolves.toMatchObject({ address: "127.0.0.1" });
    await refusal(onPrem.check("169.254.169.254", 80));
    await refusal(onPrem.check("169.254.1.1", 80));
    const own = new EgressGuard({
      allowPrivate: true,
      ownServices: [
        { host: "127.0.0.1", port: 5432 },
        { host: "0.0.0.0", port: 3000 }
      ]
    });
    await refusal(own.check("127.0.0.1", 5432));
    await refusal(own.check("localhost", 3000));
    await expect(own.check("127.0.0.1", 5038)).resolves.toMatchObject({ address: "127.0.0.1" });
  });
});

describe("guardedPost", () => {
  let target: Server;
  let redirector: Server;
  let targetHits = 0;
  let targetPort = 0;
  let redirectorPort = 0;

  beforeAll(async () => {
    target = createServer((_req, res) => {
      targetHits++;
      res.end("secret internal answer");
    });
    redirector = createServer((req, res) => {
      if (req.url === "/big") {
        res.writeHead(200);
        res.end("x".repeat(100_000));
        return;
      }
      res.writeHead(302, { location: `http://127.0.0.1:${targetPort}/admin` }).end();
    });
    await Promise.all([new Promise<void>((r) => target.listen(0, "127.0.0.1", r)), new Promise<void>((r) => redirector.listen(0, "127.0.0.1", r))]);
    targetPort = (target.address() as AddressInfo).port;
    redirectorPort = (redirector.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await Promise.all([new Promise((r) => target.close(r)), new Promise((r) => redirector.close(r))]);
  });

  const post = (guard: EgressGuard, url: string) =>
    guardedPost(guard, { url, body: "{}", headers: { "content-type": "application/json" }, timeoutMs: 5000, maxResponseBytes: 1024 });

  it("never connects to a refused destination", async () => {
    await refusal(post(strict, `http://127.0.0.1:${targetPort}/`));
    await refusal(post(strict, `http://localhost:${targetPort}/`));
    expect(targetHits).toBe(0);
  });

  it("does not follow a redirect to loopback: the answer is the redirect itself", async () => {
    const answer = await post(onPrem, `http://127.0.0.1:${redirectorPort}/hook`);
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`http://127.0.0.1:${targetPort}/admin`);
    expect(targetHits).toBe(0);
  });

  it("caps the answer it reads", async () => {
    const answer = await post(onPrem, `http://127.0.0.1:${redirectorPort}/big`);
    expect(answer.status).toBe(200);
    expect(answer.truncated).toBe(true);
    expect(answer.body).toHaveLength(1024);
  });

  it("refuses URLs that are not http(s) or carry credentials", async () => {
    await expect(post(onPrem, "ftp://example.com/")).rejects.toThrow(/http/);
    await expect(post(onPrem, `http://user:pw@127.0.0.1:${targetPort}/`)).rejects.toThrow(/user name or password/);
  });
});

describe("destinationProblem", () => {
  it("recognizes refusals by name (the web bundle and the server load separate copies of this module)", async () => {
    const { destinationProblem } = await import("./egress-guard");
    const foreign = Object.assign(new Error("x"), { name: "EgressRefusedError" });
    expect(destinationProblem(foreign)).toBe(EGRESS_REFUSED_MESSAGE);
    expect(destinationProblem(Object.assign(new Error("x"), { name: "DestinationUnresolvedError" }))).toBe("the host name does not resolve");
    expect(destinationProblem(new Error("ECONNREFUSED"))).toBeNull();
  });
});
