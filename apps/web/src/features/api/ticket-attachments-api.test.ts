import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as attachment from "@/app/api/v1/attachments/[id]/route";
import * as replies from "@/app/api/v1/tickets/[id]/replies/route";
import * as tickets from "@/app/api/v1/tickets/route";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse } from "./testing/api-request";
import { createTicketFixture, type TicketFixture } from "./testing/tickets-fixture";

let env: ApiTestEnv;
let fx: TicketFixture;

beforeAll(async () => {
  env = await createApiTestEnv();
  fx = await createTicketFixture(env);
});
afterAll(async () => {
  await env?.close();
});

const reply = async (id: string, json: unknown, auth: Auth = env.agent.auth) =>
  readResponse(await replies.POST(apiRequest("POST", `/api/v1/tickets/${id}/replies`, { auth, json }), idContext(id)));
const download = (id: string, auth: Auth, query = "") => attachment.GET(apiRequest("GET", `/api/v1/attachments/${id}${query}`, { auth }), idContext(id));
const files = () => env.testDb.database.client.ticketAttachment.count();

describe("ticket attachments over the API", () => {
  it("takes a reply's files in base64 and serves each, as a download, to whoever may read the reply", async () => {
    const ticket = await fx.open(env.customer.viewer);
    const log = Buffer.from("INVITE sip:201@pbx SIP/2.0\r\n\u00e9\u0000\u00ff");
    const res = await reply(ticket, {
      body: "Trace attached",
      attachments: [{ name: "trace – 201.pcap", type: "application/vnd.tcpdump.pcap", content: log.toString("base64") }]
    });
    expect(res.status).toBe(201);
    const [meta] = res.body.data.attachments;
    expect(meta).toEqual({ id: expect.any(String), name: "trace – 201.pcap", type: "application/vnd.tcpdump.pcap", size: log.byteLength });

    const got = await download(meta.id, env.customer.auth);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(log)).toBe(true);
    expect(got.headers.get("content-type")).toBe("application/vnd.tcpdump.pcap");
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="trace _ 201.pcap"; filename*=UTF-8''trace%20%E2%80%93%20201.pcap`);
    expect(got.headers.get("content-security-policy")).toContain("sandbox");
    expect((await download(meta.id, env.customer.auth, "?disposition=inline")).headers.get("content-disposition")).toMatch(/^attachment;/);
    for (const stranger of [fx.otherCustomer.auth, fx.salesAgent.auth, env.otherAdmin.auth]) {
      const refused = await readResponse(await download(meta.id, stranger));
      expect([refused.status, refused.body.error.message]).toEqual([404, "attachment not found"]);
    }
    expect((await download(meta.id, null)).status).toBe(401);
  });

  it("takes a new ticket's files in base64 and lists them on the ticket", async () => {
    const screenshot = Buffer.from("GIF89a\u0001\u0000");
    const res = await readResponse(
      await tickets.POST(
        apiRequest("POST", "/api/v1/tickets", {
          auth: env.customer.auth,
          json: {
            subject: "Softphone crash",
            body: "Screenshot attached",
            officeId: fx.supportId,
            attachments: [{ name: "crash.gif", type: "image/gif", content: screenshot.toString("base64") }]
          }
        })
      )
    );
    expect(res.status).toBe(201);
    const [meta] = res.body.data.attachments;
    expect(meta).toMatchObject({ name: "crash.gif", type: "image/gif", size: screenshot.byteLength });
    const got = await download(meta.id, env.agent.auth);
    expect(Buffer.from(await got.arrayBuffer()).equals(screenshot)).toBe(true);
    // An image may be shown rather than saved; anything else stays a download, whatever is asked.
    expect((await download(meta.id, env.agent.auth, "?disposition=inline")).headers.get("content-disposition")).toMatch(/^inline; filename="crash.gif"/);
    const bad = await readResponse(await download(meta.id, env.agent.auth, "?disposition=open"));
    expect([bad.status, bad.body.error.fields]).toEqual([400, { disposition: "disposition must be attachment or inline" }]);
  });

  it("keeps an internal note's files from the customer", async () => {
    const ticket = await fx.open(env.customer.viewer);
    const note = await reply(ticket, {
      body: "Their config",
      internal: true,
      attachments: [{ name: "cfg.xml", type: "application/xml", content: "PGNmZy8+" }]
    });
    const id = note.body.data.attachments[0].id;
    expect((await download(id, env.agent.auth)).status).toBe(200);
    expect((await download(id, env.customer.auth)).status).toBe(404);
  });

  it("answers 400 naming the attachments for content that is not base64 or an empty file, and stores nothing", async () => {
    const ticket = await fx.open(env.customer.viewer);
    const before = await files();
    const notBase64 = await reply(ticket, { body: "x", attachments: [{ name: "a.txt", type: "text/plain", content: "not base64!" }] });
    expect([notBase64.status, notBase64.body.error.fields]).toEqual([400, { attachments: "attachment content must be the file's bytes in base64" }]);
    const empty = await reply(ticket, { body: "x", attachments: [{ name: "a.txt", type: "text/plain", content: "" }] });
    expect(empty.body.error.fields).toEqual({ attachments: "attachment is empty" });
    expect(await files()).toBe(before);
  });
});
