import { LAMP_LABELS, type LampKind } from "@/components/status/lamp";

/** The glyph drawn on an extension button; each state has its own, so colour is never the only cue. */
export type StateIcon = "check" | "bell" | "phone" | "minus" | "pause" | "moon" | "off" | "warning";

export interface ExtensionLook {
  /** The state in words, as the button says it. */
  label: string;
  icon: StateIcon;
  /** Whole-button colours, light and dark, with a border style that also differs by state. */
  className: string;
}

const LOOKS: Record<LampKind, Omit<ExtensionLook, "label">> = {
  idle: {
    icon: "check",
    className: "border-emerald-600 bg-emerald-50 text-emerald-950 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-50"
  },
  ringing: {
    icon: "bell",
    className: "border-amber-500 border-2 bg-amber-200 text-amber-950 dark:border-amber-300 dark:bg-amber-800 dark:text-amber-50"
  },
  in_use: { icon: "phone", className: "border-red-700 bg-red-100 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50" },
  busy: { icon: "minus", className: "border-red-800 border-2 bg-red-200 text-red-950 dark:border-red-300 dark:bg-red-900 dark:text-red-50" },
  on_hold: { icon: "pause", className: "border-sky-600 border-dashed border-2 bg-sky-100 text-sky-950 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-50" },
  dnd: { icon: "moon", className: "border-violet-700 bg-violet-100 text-violet-950 dark:border-violet-400 dark:bg-violet-950 dark:text-violet-50" },
  unavailable: {
    icon: "off",
    className: "border-slate-400 border-dashed bg-slate-100 text-slate-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-300"
  },
  unregistered: {
    icon: "off",
    className: "border-slate-400 border-dashed bg-slate-100 text-slate-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-300"
  },
  unreachable: {
    icon: "warning",
    className: "border-orange-600 border-dashed border-2 bg-orange-50 text-orange-950 dark:border-orange-400 dark:bg-orange-950 dark:text-orange-50"
  }
};

/** How an extension button looks in a lamp state: words, glyph and colours decided together. */
export function extensionLookOf(lamp: LampKind): ExtensionLook {
  return { label: LAMP_LABELS[lamp], ...LOOKS[lamp] };
}
