"use client";

import { useEffect, useRef } from "react";
import { shortcutOf, type Shortcut } from "./keyboard-shortcuts";

/** Runs `onShortcut` for the page's single-key shortcuts; keys typed into fields are left alone. */
export function useShortcuts(shortcuts: readonly Shortcut[], onShortcut: (key: string) => void): void {
  const handler = useRef(onShortcut);
  useEffect(() => {
    handler.current = onShortcut;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutOf(event, shortcuts);
      if (!shortcut) return;
      event.preventDefault();
      handler.current(shortcut.key);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [shortcuts]);
}
