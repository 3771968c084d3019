"use client";

import { Toaster } from "sonner";
import { useTheme } from "./use-theme";

/** Sonner renders its toasts in a polite live region, so screen readers hear them. */
export function AppToaster() {
  const { dark } = useTheme();
  return <Toaster theme={dark ? "dark" : "light"} position="bottom-right" closeButton richColors duration={6000} />;
}
