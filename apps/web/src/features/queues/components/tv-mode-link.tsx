"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** Opens the TV wallboard, full screen where the browser allows it (Esc leaves full screen). */
export function TvModeLink() {
  return (
    <Link
      href="/wallboard/tv"
      className={buttonClasses("secondary", "sm")}
      onClick={() => {
        document.documentElement.requestFullscreen?.().catch(() => undefined);
      }}
    >
      TV mode
    </Link>
  );
}
