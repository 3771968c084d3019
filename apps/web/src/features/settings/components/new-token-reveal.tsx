"use client";

import { SecretReveal } from "@/components/ui/secret-reveal";

/** The one time a new API token is visible. */
export function NewTokenReveal({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  return (
    <SecretReveal
      id="new-token"
      headingLevel={3}
      title={`Your new token “${name}”`}
      notice="Copy it now: for your security it will not be shown again."
      label="New API token"
      noun="token"
      value={token}
      onDone={onDone}
    />
  );
}
