import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { AuthFrame } from "@/features/auth/components/auth-frame";
import { SetupForm } from "@/features/setup/components/setup-form";
import { loadSetupPage } from "@/features/setup/server/load-setup";

export const metadata: Metadata = { title: "Set up Switchboard" };
export const dynamic = "force-dynamic";

/** First run: with no organization yet, whoever installed Switchboard creates it and becomes its admin. */
export default async function SetupPage() {
  const { open, zones } = await loadSetupPage();
  if (!open) {
    return (
      <AuthFrame title="Switchboard is set up" subtitle="An organization exists already; its admins invite everyone else.">
        <p role="status" className="mb-4 text-sm">
          Setup runs once, on a fresh installation. Sign in, or ask an admin of your organization for an invitation.
        </p>
        <ButtonLink href="/login" className="w-full">
          Go to sign in
        </ButtonLink>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame wide title="Set up Switchboard" subtitle="Create your organization and its first admin account. Everyone else you invite from the console.">
      <SetupForm zones={zones} />
    </AuthFrame>
  );
}
