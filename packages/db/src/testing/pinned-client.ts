import { PrismaPg } from "@prisma/adapter-pg";
import { onTestFinished } from "vitest";
import { adapterHandleOf, withSerialTransactions } from "../client/serial-transactions";
import { runPinned, type Adapter } from "../client/pinned-transactions";
import { PrismaClient } from "../generated/prisma/client";
import { OutboxBatch } from "../outbox/outbox-batch";

/** A client of its own on the database at `url` (two pool connections), and its adapter (where pinned transactions start). */
export async function clientWithAdapter(url: string): Promise<{ raw: PrismaClient; adapter: Adapter }> {
  const factory = withSerialTransactions(new PrismaPg({ connectionString: url, max: 2, pipeline: true }));
  const raw = new PrismaClient({ adapter: factory });
  onTestFinished(() => raw.$disconnect());
  await raw.$connect();
  const adapter = adapterHandleOf(factory)?.adapter;
  if (!adapter) throw new Error("no adapter");
  return { raw, adapter };
}

/** A pinned transaction holding one of the client's connections until released. */
export function holdConnection(raw: PrismaClient, adapter: Adapter) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let enter = () => {};
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const holder = runPinned(adapter, new OutboxBatch(), async () => {
    await raw.organization.count();
    enter();
    await released;
  });
  return { holder, entered, release };
}
