import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTACHMENT_SIZE_MAX, ATTACHMENTS_MAX } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { replyInput } from "../testing/edge-input";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { getTicket } from "./tickets";
import { readTicketAttachment } from "./tickets-attachments";
import { createTicket } from "./tickets-create";
import { replyToTicket } from "./tickets-reply";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w, orgB: other } = await createTicketTestWorld());
});
afterAll(() => t.drop());

const bytes = (text: string) => new TextEncoder().encode(text);
const open = async () => (await createTicket(deps, w.customer, { subject: "Desk phone reboots", body: "Every hour", officeId: w.supportId })).ticket;
const counts = async () => ({
  replies: await db.ticketReply.count(),
  files: await db.ticketAttachment.count(),
  events: await t.database.raw.outboxEvent.count()
});

describe("ticket attachments", () => {
  it("are stored with their reply, listed and announced with ids, and read back byte for byte by whoever may read the reply", async () => {
    const ticket = await open();
    const log = bytes("12:00 SIP/2.0 503 Service Unavailable\n");
    const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
    const reply = await replyToTicket(
      deps,
      w.customer,
      ticket.id,
      replyInput({
        body: "Log and a photo attached",
        attachments: [
          { name: "phone.log", type: "text/plain", content: log },
          { name: "desk.png", type: "IMAGE/PNG", content: photo }
        ]
      })
    );
    expect(reply.attachments).toEqual([
      { id: expect.any(String), name: "phone.log", type: "text/plain", size: log.byteLength },
      { id: expect.any(String), name: "desk.png", type: "image/png", size: photo.byteLength }
    ]);
    const [logMeta, photoMeta] = reply.attachments;
    if (!logMeta || !photoMeta) throw new Error("two attachments expected");
    const event = await t.database.raw.outboxEvent.findFirstOrThrow({ where: { subjectId: ticket.id, type: "ticket.reply_created" } });
    expect((event.data as { attachments: unknown }).attachments).toEqual(reply.attachments);
    expect((await getTicket(deps, w.ana, ticket.id)).replies[0]?.attachments).toEqual(reply.attachments);

    for (const reader of [w.customer, w.ana, w.supervisor, w.admin]) {
      const file = await readTicketAttachment(deps, reader, photoMeta.id);
      expect({ ...file, content: [...file.content] }).toEqual({ name: "desk.png", contentType: "image/png", size: photo.byteLength, content: [...photo] });
    }
    // Not the ticket's office, another customer, another organization, no such file: all the same answer.
    for (const stranger of [w.bo, w.otherCustomer, other.admin]) {
      expect((await rejectionOf(readTicketAttachment(deps, stranger, logMeta.id))).message).toBe("attachment not found");
    }
    expect((await rejectionOf(readTicketAttachment(deps, w.admin, "00000000-0000-4000-8000-000000000000"))).message).toBe("attachment not found");
  });

  it("sent with a ticket's description are listed on the ticket and its created event, and read by whoever may read the ticket", async () => {
    const screenshot = bytes("PNG…");
    const detail = await createTicket(deps, w.customer, {
      subject: "Display garbled",
      body: "See the screenshot",
      officeId: w.supportId,
      attachments: [{ name: "display.png", type: "image/png", content: screenshot }]
    });
    const files = detail.ticket.attachments;
    expect(files).toEqual([{ id: expect.any(String), name: "display.png", type: "image/png", size: screenshot.byteLength }]);
    const event = await t.database.raw.outboxEvent.findFirstOrThrow({ where: { subjectId: detail.ticket.id, type: "ticket.created" } });
    expect((event.data as { attachments: unknown }).attachments).toEqual(files);
    expect((await getTicket(deps, w.ana, detail.ticket.id)).ticket.attachments).toEqual(files);
    const id = files[0]?.id ?? "";
    expect([...(await readTicketAttachment(deps, w.ana, id)).content]).toEqual([...screenshot]);
    expect((await readTicketAttachment(deps, w.customer, id)).name).toBe("display.png");
    expect((await rejectionOf(readTicketAttachment(deps, w.bo, id))).message).toBe("attachment not found");
  });

  it("of an internal note reach staff only", async () => {
    const ticket = await open();
    const note = await replyToTicket(
      deps,
      w.ana,
      ticket.id,
      replyInput({ body: "Caller's config", internal: true, attachments: [{ name: "config.xml", type: "application/xml", content: bytes("<cfg/>") }] })
    );
    const id = note.attachments[0]?.id ?? "";
    expect((await readTicketAttachment(deps, w.supervisor, id)).name).toBe("config.xml");
    expect((await rejectionOf(readTicketAttachment(deps, w.customer, id))).message).toBe("attachment not found");
  });

  it("are refused when too many, too big, empty or badly named, naming the field; nothing is written", async () => {
    const ticket = await open();
    const before = await counts();
    const file = (name: string, size: number) => ({ name, type: "application/octet-stream", content: new Uint8Array(size) });
    const refused = async (attachments: ReturnType<typeof file>[]) =>
      (await rejectionOf(() => replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "files", attachments })))).fields;
    expect(await refused(Array.from({ length: ATTACHMENTS_MAX + 1 }, (_, i) => file(`f${i}.bin`, 1)))).toEqual({
      attachments: `at most ${ATTACHMENTS_MAX} attachments per reply`
    });
    expect(await refused([file("huge.bin", ATTACHMENT_SIZE_MAX + 1)])).toEqual({ attachments: "each attachment may be at most 10 MB" });
    expect(await refused([file("a.bin", ATTACHMENT_SIZE_MAX), file("b.bin", ATTACHMENT_SIZE_MAX), file("c.bin", 1)])).toEqual({
      attachments: "attachments may be at most 20 MB together"
    });
    expect(await refused([file("empty.txt", 0)])).toEqual({ attachments: "attachment is empty" });
    expect(await refused([file("../etc/passwd", 1)])).toEqual({ attachments: "attachment name must not contain slashes or control characters" });
    expect(await counts()).toEqual(before);
  });
});
