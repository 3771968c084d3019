import { stringify } from "csv-stringify/sync";
import { RULES } from "@switchboard/auth";
import { addPerson, issueTokenFor, removeAddedPeople, type DbClient } from "@switchboard/db";
import type { CreatedItem, ImportKindSpec, ImportRun } from "./import-kind";
import { offerJobFile } from "./job-files";
import { previewUserCsv, type UserImportRow } from "./user-csv";

/** An invitation the import created: its link is offered once, to whoever started the import. */
interface InvitationOffer {
  email: string;
  name: string;
  role: string;
  token: string;
  expiresAt: Date;
}

/** The invitation page (apps/web's /invite/[token]). */
const invitationUrl = (run: ImportRun, token: string) => `${run.linkBase ?? ""}/invite/${token}`;

/**
 * The links to offer and mail once every row is in: only for people still invited now. Staff
 * created by an earlier attempt of this job (a worker died after committing them) have only their
 * link's hash stored, so each gets a fresh link, which replaces the unusable one.
 */
async function linksOfRemaining(run: ImportRun, offers: InvitationOffer[], created: CreatedItem[]): Promise<InvitationOffer[]> {
  const emails = created.flatMap((c) => ("email" in c ? [c.email] : []));
  const invited = await run.deps.db.user.findMany({ where: { organizationId: run.orgId, email: { in: emails }, status: "invited" } });
  const remaining = new Set(invited.map((u) => u.email));
  const kept = offers.filter((o) => remaining.has(o.email));
  const have = new Set(kept.map((o) => o.email));
  const again: InvitationOffer[] = [];
  for (const user of invited.filter((u) => !have.has(u.email))) {
    const issued = await run.deps.db.$transaction((tx) => issueTokenFor(tx as unknown as DbClient, run.actor, user, "invitation"));
    again.push({ email: user.email, name: user.name, role: user.role, token: issued.token, expiresAt: issued.expiresAt });
  }
  return [...kept, ...again];
}

async function mailInvitations(run: ImportRun, offers: InvitationOffer[]): Promise<number> {
  const send = run.deps.sendInvitation;
  if (!send || offers.length === 0) return 0;
  const org = await run.deps.db.organization.findUnique({ where: { id: run.orgId }, select: { name: true } });
  let mailed = 0;
  for (const offer of offers) {
    const sent = await send({
      email: offer.email,
      name: offer.name,
      url: invitationUrl(run, offer.token),
      expiresAt: offer.expiresAt,
      organizationName: org?.name ?? "",
      sender: run.actor?.name ?? "Switchboard"
    });
    if (sent) mailed++;
  }
  return mailed;
}

/**
 * People from CSV: admins any role, supervisors agents and customers. Staff are invited exactly as
 * the invite form does it; customers are added without sign-in. Invitations are mailed (when a mail
 * server is configured) and offered only once every row is in, so nobody an undone import removes
 * again ever got a link.
 */
export const userImport: ImportKindSpec<UserImportRow, InvitationOffer> = {
  kind: "users",
  jobKind: "import_users",
  rule: RULES.importUsers,
  noun: { one: "user", many: "users" },
  preview: (deps, viewer, csv) => previewUserCsv(deps.db, viewer, csv),
  sample: (r) => ({ row: r.row, email: r.data.email, name: r.data.name, role: r.data.role, offices: r.data.offices }),
  created: (r) => ({ row: r.row, email: r.data.email }),
  async write(tx, run, { data }) {
    const t = tx as unknown as DbClient;
    if (data.role === "customer") {
      await addPerson(t, run.actor, run.orgId, data, "no_sign_in");
      return null;
    }
    const { link } = await addPerson(t, run.actor, run.orgId, data, "invite");
    return { email: data.email, name: data.name, role: data.role, token: link.token, expiresAt: link.expiresAt };
  },
  keyOf: (c) => ("email" in c ? c.email : null),
  async remove(tx, run, emails) {
    await removeAddedPeople(tx as unknown as DbClient, run.orgId, emails);
  },
  async finish(run, offers, created) {
    const links = await linksOfRemaining(run, offers, created);
    const mailed = await mailInvitations(run, links);
    const count = created.length;
    const summary = `${count} user${count === 1 ? "" : "s"} created, ${links.length} invited${mailed ? ` (${mailed} mailed)` : ""}`;
    if (links.length === 0) return { summary };
    // The links expire with the first of them; the file no later than an export's would.
    const firstExpiry = Math.min(...links.map((l) => l.expiresAt.getTime()));
    const csv = stringify([
      ["email", "name", "role", "link", "expires_at"],
      ...links.map((l) => [l.email, l.name, l.role, invitationUrl(run, l.token), l.expiresAt.toISOString()])
    ]);
    const file = await offerJobFile(
      run.deps,
      run.jobId,
      run.orgId,
      "invitation-links",
      csv,
      new Date(Math.min(firstExpiry, Date.now() + run.deps.settings.exportTtlMs))
    );
    return { summary, file };
  }
};
