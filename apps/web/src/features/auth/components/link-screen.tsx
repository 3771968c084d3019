import { ButtonLink } from "@/components/ui/button";
import { loadLinkPage } from "../server/load-link";
import { AuthFrame } from "./auth-frame";
import { LinkForm } from "./link-form";

/**
 * An invitation or reset link's page. A link that is damaged, expired, used, withdrawn or for the
 * other page gets a clear page saying so (never an error page); a good one, the password form.
 */
export async function LinkScreen({ token, purpose }: { token: string; purpose: "invitation" | "password_reset" }) {
  const invitation = purpose === "invitation";
  const page = await loadLinkPage(token, purpose);
  if (!page.ok) {
    return (
      <AuthFrame title={invitation ? "This invitation cannot be used" : "This link cannot be used"} subtitle={page.refusal}>
        <ButtonLink href="/login" className="w-full">
          Go to sign in
        </ButtonLink>
      </AuthFrame>
    );
  }
  const { info } = page;
  return (
    <AuthFrame
      title={invitation ? `Join ${info.organizationName ?? "your team"} on Switchboard` : "Choose a new password"}
      subtitle={invitation ? "Choose your password; then sign in with it." : `For ${info.email} at ${info.organizationName ?? "your organization"}.`}
    >
      <LinkForm token={page.token} invitation={invitation} email={info.email} name={info.name ?? ""} />
    </AuthFrame>
  );
}
