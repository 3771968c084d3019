import type { StateIcon as StateIconName } from "../extension-presentation";

/** Stroke paths on a 24×24 grid; simple shapes that stay legible at 14 px. */
const PATHS: Record<StateIconName, string[]> = {
  check: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z", "m8 12 3 3 5-6"],
  bell: ["M6 17V11a6 6 0 1 1 12 0v6l2 2H4l2-2Z", "M10 21h4"],
  phone: ["M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z"],
  minus: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z", "M7 12h10"],
  pause: ["M9 5v14", "M15 5v14"],
  moon: ["M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z"],
  off: ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Z", "m5.6 5.6 12.8 12.8"],
  warning: ["M12 3 2 20h20L12 3Z", "M12 10v4", "M12 17h.01"]
};

/** The state's glyph; decorative, since the state is always written next to it. */
export function StateIcon({ icon, className = "size-3.5" }: { icon: StateIconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
      data-icon={icon}
    >
      {PATHS[icon].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
