import type { FieldChanges } from "@switchboard/contracts";

/** How a toast tells one field's change; fields without a wording are left out (derived or internal). */
export type FieldWording =
  /** "renamed extension 104 to Sales desk 1" */
  | { kind: "name" }
  /** "enabled extension 104" / "disabled it" */
  | { kind: "switch"; on: string; off: string }
  /** "turned voicemail off for extension 104" */
  | { kind: "feature"; label: string }
  /** "changed the host of trunk Carrier B to sip2.example.net" */
  | { kind: "value"; label: string; format?: (value: unknown) => string }
  /** "changed the SIP secret of extension 104": the value is never told. */
  | { kind: "secret"; label: string }
  /** "changed the members of office Sales": a list of ids, which a toast cannot name. */
  | { kind: "list"; label: string };

export type FieldWordings = Readonly<Record<string, FieldWording>>;

/** More changed fields than this are summed up ("and changed 2 more of its fields"). */
const MAX_CLAUSES = 3;

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(", ");
  if (typeof value === "boolean") return value ? "on" : "off";
  return String(value);
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** How later clauses refer back to the subject: a thing ("it", "its") or a person ("them", "their"). */
export type Pronoun = "it" | "them";

/** One change as a clause; `ref` is the subject the first time ("extension 104"), the pronoun after that. */
function clause(wording: FieldWording, change: { from: unknown; to: unknown }, ref: string): string {
  const its = ref === "it" ? "its" : ref === "them" ? "their" : null;
  const fieldOf = (label: string) => (its ? `${its} ${label}` : `the ${label} of ${ref}`);
  switch (wording.kind) {
    case "name":
      return `renamed ${ref} to ${formatValue(change.to)}`;
    case "switch":
      return `${change.to ? wording.on : wording.off} ${ref}`;
    case "feature":
      return `turned ${wording.label} ${change.to ? "on" : "off"} for ${ref}`;
    case "secret":
    case "list":
      return `changed ${fieldOf(wording.label)}`;
    case "value":
      if (isEmpty(change.to)) return `cleared ${fieldOf(wording.label)}`;
      return `changed ${fieldOf(wording.label)} to ${(wording.format ?? formatValue)(change.to)}`;
  }
}

function joinClauses(clauses: readonly string[]): string {
  if (clauses.length <= 1) return clauses.join("");
  return `${clauses.slice(0, -1).join(", ")} and ${clauses[clauses.length - 1]}`;
}

/**
 * What an update changed, in words: "renamed extension 104 to Sales desk 1 and disabled it".
 * Fields are told in the order of `wordings`; null when no field it words changed (the caller then
 * falls back to "updated …").
 */
export function describeFieldChanges(subject: string, changes: FieldChanges | undefined, wordings: FieldWordings, pronoun: Pronoun = "it"): string | null {
  if (!changes) return null;
  const told = Object.entries(wordings).flatMap(([field, wording]) => {
    const change = changes[field];
    return change ? [{ wording, change }] : [];
  });
  if (told.length === 0) return null;
  const shown = told.length > MAX_CLAUSES ? told.slice(0, MAX_CLAUSES - 1) : told;
  const clauses = shown.map(({ wording, change }, index) => clause(wording, change, index === 0 ? subject : pronoun));
  const rest = told.length - shown.length;
  if (rest > 0) clauses.push(`changed ${rest} more of ${pronoun === "them" ? "their" : "its"} fields`);
  return joinClauses(clauses);
}
