import { describe, expect, it } from "vitest";
import type { DomainEvent, UserView } from "@switchboard/contracts";
import { eventDescribers } from "@/features/shell/console-events";
import { describeEvent } from "./describe-event";
import { extensionEvent, extensionView, trunkEvent, trunkView } from "./test-events";

const toast = (event: DomainEvent) => describeEvent(eventDescribers, event);

function withChanges(event: DomainEvent, changes: Record<string, { from: unknown; to: unknown }>): DomainEvent {
  return { ...event, data: { ...(event.data as object), changes } } as DomainEvent;
}

describe("update toasts tell what changed", () => {
  const desk = extensionView("x1", "104", { displayName: "Sales desk 1", enabled: false });

  it("a rename and a disable, in one sentence", () => {
    const event = withChanges(extensionEvent(1, "updated", desk), {
      displayName: { from: "Desk 104", to: "Sales desk 1" },
      enabled: { from: true, to: false }
    });
    expect(toast(event)).toBe("Ada Admin renamed extension 104 to Sales desk 1 and disabled it");
  });

  it("names a renumbered extension by the number people knew", () => {
    const event = withChanges(extensionEvent(2, "updated", extensionView("x1", "105")), { number: { from: "104", to: "105" } });
    expect(toast(event)).toBe("Ada Admin changed the number of extension 104 to 105");
  });

  it("never tells a secret, and says when a value was cleared", () => {
    const event = withChanges(extensionEvent(3, "updated", desk), {
      sipSecretHint: { from: "••ab", to: "••cd" },
      userName: { from: "Ana Agent", to: null }
    });
    expect(toast(event)).toBe("Ada Admin cleared the user of extension 104 and changed its SIP secret");
  });

  it("sums up beyond three fields", () => {
    const event = withChanges(extensionEvent(4, "updated", desk), {
      enabled: { from: true, to: false },
      transport: { from: "udp", to: "tls" },
      codecs: { from: ["opus"], to: ["opus", "g722"] },
      voicemailEnabled: { from: true, to: false }
    });
    expect(toast(event)).toBe("Ada Admin disabled extension 104, changed its transport to TLS and changed 2 more of its fields");
  });

  it("tells trunk changes by the trunk's former name", () => {
    const event = withChanges(trunkEvent(5, "updated", trunkView("t1", "Carrier C")), {
      name: { from: "Carrier B", to: "Carrier C" },
      maxChannels: { from: 30, to: 60 }
    });
    expect(toast(event)).toBe("Ada Admin renamed trunk Carrier B to Carrier C and changed its channel limit to 60");
  });

  it("falls back to the verb when the event does not say what changed, or only bookkeeping did", () => {
    expect(toast(extensionEvent(6, "updated", desk))).toBe("Ada Admin updated extension 104");
    expect(toast(withChanges(extensionEvent(7, "updated", desk), { userId: { from: null, to: "u1" } }))).toBe("Ada Admin updated extension 104");
  });
});

describe("user and office update toasts tell what changed", () => {
  const base = { orgId: "org", at: "2026-01-01T00:00:00.000Z", actor: { id: "u-ada", name: "Ada Admin" } };
  const bo = {
    id: "u-bo",
    name: "Bo Busy",
    email: "bo@example.test",
    role: "supervisor",
    status: "active",
    hasPassword: true,
    officeIds: ["o1", "o2"],
    lastSignInAt: null,
    createdAt: base.at,
    updatedAt: base.at,
    version: 3
  } satisfies UserView;
  const userEvent = (changes: Record<string, { from: unknown; to: unknown }>, actor = base.actor) =>
    withChanges({ ...base, actor, id: "e-u", seq: 10, subject: { kind: "user", id: bo.id }, type: "user.updated", data: bo }, changes);
  const officeEvent = (changes: Record<string, { from: unknown; to: unknown }>) =>
    withChanges(
      {
        ...base,
        id: "e-o",
        seq: 11,
        subject: { kind: "office", id: "o1" },
        type: "office.updated",
        data: { id: "o1", name: "Invoices", memberIds: ["u-bo"], version: 2, updatedAt: base.at }
      },
      changes
    );

  it("names the user as they were known, their new role and that their offices changed", () => {
    const event = userEvent({
      name: { from: "Bo Agent", to: "Bo Busy" },
      role: { from: "agent", to: "supervisor" },
      officeIds: { from: ["o1"], to: ["o1", "o2"] }
    });
    expect(toast(event)).toBe("Ada Admin renamed Bo Agent to Bo Busy, changed their role to supervisor and changed their offices");
    expect(toast(userEvent({ officeIds: { from: ["o1"], to: [] } }))).toBe("Ada Admin changed the offices of Bo Busy");
    expect(toast(userEvent({ hasPassword: { from: false, to: true } }))).toBe("Ada Admin updated Bo Busy");
    // One's own account stays "their account", whatever changed.
    expect(toast(userEvent({ name: { from: "Bo Agent", to: "Bo Busy" } }, { id: bo.id, name: "Bo Busy" }))).toBe("Bo Busy updated their account");
  });

  it("tells an office's rename by its former name, and that its members changed", () => {
    expect(toast(officeEvent({ name: { from: "Billing", to: "Invoices" } }))).toBe("Ada Admin renamed office Billing to Invoices");
    expect(toast(officeEvent({ memberIds: { from: [], to: ["u-bo"] } }))).toBe("Ada Admin changed the members of office Invoices");
    expect(toast(officeEvent({}))).toBe("Ada Admin updated office Invoices");
  });
});
