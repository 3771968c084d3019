"use client";

import { useCallback, useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY } from "./theme-script";

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  // Follow the OS while the user has not chosen explicitly.
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  const onMedia = () => {
    if (readStored() === null) document.documentElement.classList.toggle("dark", media.matches);
  };
  media.addEventListener("change", onMedia);
  return () => {
    observer.disconnect();
    media.removeEventListener("change", onMedia);
  };
}

function readStored(): "dark" | "light" | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === "dark" || value === "light" ? value : null;
  } catch {
    return null;
  }
}

/** What the head script of the root layout does, for pages rendered without it (the error page). */
export function applyStoredTheme(): void {
  const stored = readStored();
  document.documentElement.classList.toggle("dark", stored === "dark" || (stored === null && window.matchMedia("(prefers-color-scheme: dark)").matches));
}

const isDark = () => document.documentElement.classList.contains("dark");

/** Whether dark mode is on, and a setter that applies and remembers the choice. */
export function useTheme(): { dark: boolean; setDark: (dark: boolean) => void } {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  const setDark = useCallback((next: boolean) => {
    document.documentElement.classList.toggle("dark", next);
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next ? "dark" : "light");
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  return { dark, setDark };
}
