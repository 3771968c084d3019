"use client";

import { useEffect } from "react";
import { ErrorState } from "@/components/ui/error-state";
import { applyStoredTheme } from "@/features/theme/use-theme";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  // No inline script here: the error page has no CSP nonce to give it.
  useEffect(applyStoredTheme, []);
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <title>Error · Switchboard</title>
      </head>
      <body className="min-h-dvh px-4 py-16 font-sans">
        <ErrorState error={error} retry={retry} />
      </body>
    </html>
  );
}
