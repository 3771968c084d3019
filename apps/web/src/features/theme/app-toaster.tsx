"use client";

import { Toaster } from "sonner";
import { useTheme } from "./use-theme";

/**
 * Sonner renders its toasts in a polite live region, so screen readers hear them. Top right, below
 * the header: pages keep their primary actions (Save, pagination) at the bottom and the left, so
 * a toast never covers them; on phones they span the top instead of the thumb's reach.
 */
export function AppToaster() {
  const { dark } = useTheme();
  return (
    <Toaster
      theme={dark ? "dark" : "light"}
      position="top-right"
      offset={{ top: "4.5rem", right: "1rem" }}
      mobileOffset={{ top: "4rem", left: "0.5rem", right: "0.5rem" }}
      closeButton
      richColors
      duration={6000}
    />
  );
}
