import { randomUUID } from "node:crypto";
import { hashPassword, RULES } from "@switchboard/auth";
import { passwordProblem, type OrganizationSetupInput, type OrganizationUpdateInput, type OrganizationView, type SlaHours } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { badRequest, conflict, enforce, translatePrismaError } from "./errors";
import type { ServiceDeps } from "./extensions";
import { issueTokenFor, type IssuedToken } from "./sign-in-links";
import { UNIQUE_EMAIL } from "./users";
import type { ActingViewer } from "./viewer";

// One lock number for "creating the first organization", so two setup pages submitted at once make one.
const SETUP_LOCK = 72_707_370;

const ALREADY_SET_UP = "Switchboard is already set up: sign in instead";

function slugOf(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 40);
  return `${base || "org"}-${randomUUID().slice(0, 6)}`;
}

const SLA_COLUMNS = { slaUrgentHours: true, slaHighHours: true, slaNormalHours: true, slaLowHours: true } as const;
const VIEW_COLUMNS = { id: true, name: true, slug: true, timeZone: true, ...SLA_COLUMNS } as const;

type SlaRow = Record<keyof typeof SLA_COLUMNS, number>;

function slaHoursOf(row: SlaRow): SlaHours {
  return { urgent: row.slaUrgentHours, high: row.slaHighHours, normal: row.slaNormalHours, low: row.slaLowHours };
}

function toOrganizationView(row: { id: string; name: string; slug: string; timeZone: string } & SlaRow): OrganizationView {
  return { id: row.id, name: row.name, slug: row.slug, timeZone: row.timeZone, slaHours: slaHoursOf(row) };
}

export async function getOrganization(db: DbClient, orgId: string): Promise<OrganizationView> {
  return toOrganizationView(await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: VIEW_COLUMNS }));
}

/** The organization's ticket response targets, for a ticket's SLA due time. */
export async function organizationSlaHours(db: Pick<DbClient, "organization">, orgId: string): Promise<SlaHours> {
  return slaHoursOf(await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: SLA_COLUMNS }));
}

/** The organization's time zone, for "today" figures and calendar-day filters. */
export async function organizationTimeZone(db: DbClient, orgId: string): Promise<string> {
  return (await getOrganization(db, orgId)).timeZone;
}

/** A fresh installation (no organization yet) shows the setup page instead of the sign-in page. */
export async function needsSetup(db: DbClient): Promise<boolean> {
  return (await db.organization.count()) === 0;
}

/**
 * First run: the organization and its first admin, who signs in with the password given. Refused
 * once any organization exists (a lock makes two simultaneous submissions create one). The
 * password is checked before anything is written.
 */
export async function setUpFirstOrganization(db: DbClient, input: OrganizationSetupInput): Promise<{ orgId: string; email: string }> {
  const weak = passwordProblem(input.password, { email: input.email, name: input.name });
  if (weak) throw badRequest(weak, { password: weak });
  const passwordHash = await hashPassword(input.password);
  const adminId = randomUUID();
  return withActor({ id: adminId, name: input.name }, () =>
    db.$transaction(async (tx) => {
      const t = tx as unknown as DbClient;
      await t.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
      if ((await t.organization.count()) > 0) throw conflict("organization", ALREADY_SET_UP);
      const org = await t.organization.create({ data: { name: input.organizationName, slug: slugOf(input.organizationName), timeZone: input.timeZone } });
      await t.user
        .create({ data: { id: adminId, organizationId: org.id, name: input.name, email: input.email, role: "admin", status: "active", passwordHash } })
        .catch((e: unknown) => translatePrismaError(e, UNIQUE_EMAIL, "user"));
      return { orgId: org.id, email: input.email };
    })
  );
}

/**
 * A further organization for a hosted deployment (the `org:create` command): its first admin is
 * invited, and the returned link lets them set their password.
 */
export async function createOrganizationWithAdmin(
  db: DbClient,
  input: { name: string; timeZone: string; adminEmail: string; adminName: string }
): Promise<{ orgId: string; link: IssuedToken }> {
  return db.$transaction(async (tx) => {
    const t = tx as unknown as DbClient;
    const org = await t.organization.create({ data: { name: input.name, slug: slugOf(input.name), timeZone: input.timeZone } });
    const admin = await t.user
      .create({ data: { organizationId: org.id, name: input.adminName, email: input.adminEmail, role: "admin", status: "invited", passwordHash: null } })
      .catch((e: unknown) => translatePrismaError(e, UNIQUE_EMAIL, "user"));
    return { orgId: org.id, link: await issueTokenFor(t, null, admin, "invitation") };
  });
}

/**
 * The organization's name, time zone and ticket response targets (admins). New targets apply to
 * tickets opened, or whose priority changes, from then on; due times already set stay.
 */
export async function updateOrganization({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, input: OrganizationUpdateInput): Promise<OrganizationView> {
  enforce(RULES.manageOrganization, viewer);
  const sla = input.slaHours;
  const row = await db.organization.update({
    where: { id: viewer.orgId },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(sla ? { slaUrgentHours: sla.urgent, slaHighHours: sla.high, slaNormalHours: sla.normal, slaLowHours: sla.low } : {})
    },
    select: VIEW_COLUMNS
  });
  return toOrganizationView(row);
}
