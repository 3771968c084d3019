import { clsx } from "clsx";
import type { ExtensionStatusView, TrunkStatusView } from "@switchboard/contracts";
import { LAMP_LABELS, lampOf, TRUNK_REGISTRATION_LABELS, type LampKind } from "./lamp";

/** Each lamp has its own shape as well as colour: hollow when not registered, barred for DND. */
const DOT: Record<LampKind, string> = {
  idle: "bg-emerald-500",
  ringing: "bg-amber-400 motion-safe:animate-pulse",
  in_use: "bg-red-600",
  busy: "bg-red-700 ring-2 ring-red-300 dark:ring-red-900",
  on_hold: "bg-sky-500 ring-2 ring-sky-200 dark:ring-sky-900",
  dnd: "bg-violet-600",
  unavailable: "border-2 border-slate-400 bg-transparent",
  unregistered: "border-2 border-slate-400 bg-transparent",
  unreachable: "border-2 border-dashed border-orange-500 bg-transparent"
};

export function LampDot({ kind, size = "sm" }: { kind: LampKind; size?: "sm" | "lg" }) {
  return (
    <span
      aria-hidden="true"
      className={clsx("relative inline-flex shrink-0 items-center justify-center rounded-full", size === "lg" ? "size-4" : "size-3", DOT[kind])}
    >
      {kind === "dnd" ? <span className="h-0.5 w-2/3 rounded bg-white" /> : null}
    </span>
  );
}

/** An extension's BLF lamp with its state in words (the words are the accessible content). */
export function ExtensionLamp({ status }: { status: ExtensionStatusView | undefined }) {
  return <Lamp kind={lampOf(status)} />;
}

/** A lamp already decided (e.g. from an extension's status and its live call together), with its state in words. */
export function Lamp({ kind }: { kind: LampKind }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-lamp={kind}>
      <LampDot kind={kind} />
      <span>{LAMP_LABELS[kind]}</span>
    </span>
  );
}

const TRUNK_DOT = { registered: "idle", rejected: "busy", unreachable: "unreachable", unknown: "unregistered" } as const;

/** A trunk's registration in words, with the time it last changed. */
export function TrunkRegistrationStatus({ status }: { status: TrunkStatusView | undefined }) {
  const registration = status?.registration ?? "unknown";
  return (
    <span className="inline-flex flex-col">
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap" data-registration={registration}>
        <LampDot kind={TRUNK_DOT[registration]} />
        <span>{TRUNK_REGISTRATION_LABELS[registration]}</span>
      </span>
      {status?.detail ? <span className="text-xs text-slate-600 dark:text-slate-400">{status.detail}</span> : null}
    </span>
  );
}
