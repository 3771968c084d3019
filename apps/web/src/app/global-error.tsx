"use client";

import { ErrorState } from "@/components/ui/error-state";
import { themeBootScript } from "@/features/theme/theme-script";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <title>Error · Switchboard</title>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body className="min-h-dvh px-4 py-16 font-sans">
        <ErrorState error={error} retry={retry} />
      </body>
    </html>
  );
}
