"use client";

import { Toaster } from "sonner";
import { useTheme } from "./use-theme";

/**
 * Toasts stack above the page (its sticky table columns are z-10) but below what the user opened on
 * it — suggestions, popovers, the phone menu, call menus (z-20 to z-50): a toast arriving over an open
 * menu must not take the click meant for it. Sonner's own is the highest z-index there is.
 */
const TOASTS_Z_INDEX = 15;

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
      style={{ zIndex: TOASTS_Z_INDEX }}
    />
  );
}
