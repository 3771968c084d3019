import type { DomainEvent, Role } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { RULES } from "./denials";
import { canSeeJob, viewEventFor, type Viewer } from "./policy";

const viewer = (role: Role, orgId = "org-a"): Viewer => ({ id: `${role}-id`, orgId, role });

function jobEvent(type: "job.queued" | "job.progress" | "job.completed" | "job.failed", createdById: string | null, orgId = "org-a"): DomainEvent {
  return {
    id: "e1",
    orgId,
    seq: 1,
    type,
    at: new Date().toISOString(),
    actor: null,
    subject: { kind: "job", id: "j1" },
    data: { id: "j1", createdById }
  } as DomainEvent;
}

function webhookEvent(type: "webhook.created" | "webhook.delivery_recorded", orgId = "org-a"): DomainEvent {
  return {
    id: "e2",
    orgId,
    seq: 2,
    type,
    at: new Date().toISOString(),
    actor: null,
    subject: { kind: "webhook", id: "w1" },
    data: { id: "w1" }
  } as DomainEvent;
}

describe("integration rules by role", () => {
  it.each([
    ["admin", { webhooks: true, importing: true, exporting: true, jobs: true }],
    ["supervisor", { webhooks: false, importing: false, exporting: true, jobs: true }],
    ["agent", { webhooks: false, importing: false, exporting: true, jobs: true }],
    ["customer", { webhooks: false, importing: false, exporting: false, jobs: false }]
  ] as const)("%s", (role, expected) => {
    const v = viewer(role);
    expect({
      webhooks: RULES.manageWebhooks.allows(v),
      importing: RULES.importExtensions.allows(v),
      exporting: RULES.exportData.allows(v),
      jobs: RULES.readJobs.allows(v)
    }).toEqual(expected);
  });
});

describe("job visibility", () => {
  it("admins see every job of their organization; other staff only their own; customers none", () => {
    expect(canSeeJob(viewer("admin"), { orgId: "org-a", createdById: "someone" })).toBe(true);
    expect(canSeeJob(viewer("admin", "org-b"), { orgId: "org-a", createdById: "admin-id" })).toBe(false);
    expect(canSeeJob(viewer("agent"), { orgId: "org-a", createdById: "agent-id" })).toBe(true);
    expect(canSeeJob(viewer("agent"), { orgId: "org-a", createdById: "someone" })).toBe(false);
    expect(canSeeJob(viewer("agent"), { orgId: "org-a", createdById: null })).toBe(false);
    expect(canSeeJob(viewer("customer"), { orgId: "org-a", createdById: "customer-id" })).toBe(false);
  });

  it("job events follow the same rule, live and replayed", () => {
    for (const type of ["job.queued", "job.progress", "job.completed", "job.failed"] as const) {
      expect(viewEventFor(viewer("admin"), jobEvent(type, "supervisor-id"))).not.toBeNull();
      expect(viewEventFor(viewer("supervisor"), jobEvent(type, "supervisor-id"))).not.toBeNull();
      expect(viewEventFor(viewer("agent"), jobEvent(type, "supervisor-id"))).toBeNull();
      expect(viewEventFor(viewer("admin", "org-b"), jobEvent(type, "admin-id"))).toBeNull();
    }
  });
});

describe("webhook events", () => {
  it("reach admins of the organization only", () => {
    for (const type of ["webhook.created", "webhook.delivery_recorded"] as const) {
      expect(viewEventFor(viewer("admin"), webhookEvent(type))).not.toBeNull();
      expect(viewEventFor(viewer("supervisor"), webhookEvent(type))).toBeNull();
      expect(viewEventFor(viewer("admin", "org-b"), webhookEvent(type))).toBeNull();
    }
  });
});
