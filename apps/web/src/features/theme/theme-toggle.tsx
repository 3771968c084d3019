"use client";

import { buttonClasses } from "@/components/ui/button";
import { useTheme } from "./use-theme";

/** A toggle button named "Dark mode"; the name shows next to the icon only when `labelled` (the header keeps it icon-sized). */
export function ThemeToggle({ labelled = false }: { labelled?: boolean }) {
  const { dark, setDark } = useTheme();
  return (
    <button type="button" aria-pressed={dark} onClick={() => setDark(!dark)} className={buttonClasses("ghost", "sm")}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        {dark ? (
          <path d="M10 2a8 8 0 1 0 8 8 6 6 0 0 1-8-8Z" />
        ) : (
          <path d="M10 14a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm0-12a1 1 0 0 1 1 1v1a1 1 0 1 1-2 0V3a1 1 0 0 1 1-1Zm0 14a1 1 0 0 1 1 1v1a1 1 0 1 1-2 0v-1a1 1 0 0 1 1-1Zm8-6a1 1 0 0 1-1 1h-1a1 1 0 1 1 0-2h1a1 1 0 0 1 1 1ZM4 10a1 1 0 0 1-1 1H2a1 1 0 1 1 0-2h1a1 1 0 0 1 1 1Z" />
        )}
      </svg>
      <span className={labelled ? undefined : "sr-only 2xl:not-sr-only"}>Dark mode</span>
    </button>
  );
}
