"use client";

import type { IssuedLink } from "@switchboard/contracts";
import { LocalDate } from "@/components/ui/local-date";
import { SecretReveal } from "@/components/ui/secret-reveal";

/** A new invitation or reset link, shown this once (and said whether it was also mailed). */
export function LinkReveal({ id, kind, name, link, onDone }: { id: string; kind: "invitation" | "reset"; name: string; link: IssuedLink; onDone: () => void }) {
  const title = kind === "invitation" ? `Invitation link for ${name}` : `Password reset link for ${name}`;
  return (
    <div className="space-y-2">
      <SecretReveal
        id={id}
        headingLevel={3}
        title={title}
        notice={`${link.mailed ? "We mailed this link too. " : ""}It is shown only now and works once. Send it to ${name} yourself if it was not mailed.`}
        label={kind === "invitation" ? "Invitation link" : "Password reset link"}
        noun="link"
        value={link.url}
        onDone={onDone}
      />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Valid until <LocalDate iso={link.expiresAt} />.
      </p>
    </div>
  );
}
