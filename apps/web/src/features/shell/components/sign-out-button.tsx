"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // Navigate ourselves: next-auth would build the URL from NEXTAUTH_URL, which may be unset.
        await signOut({ redirect: false }).catch(() => undefined);
        window.location.assign("/login");
      }}
    >
      Sign out
    </Button>
  );
}
