/**
 * The row-actions column stays in view while a wide table scrolls sideways (phones, narrow
 * windows): pinned to the right edge on an opaque background, with a shadow where rows pass under.
 */
export const STICKY_ACTIONS_HEAD = "sticky right-0 z-10 bg-slate-50 shadow-[-6px_0_6px_-6px_rgb(0_0_0/0.25)] dark:bg-slate-800";
export const STICKY_ACTIONS_CELL = "sticky right-0 z-10 bg-white shadow-[-6px_0_6px_-6px_rgb(0_0_0/0.25)] dark:bg-slate-900";
