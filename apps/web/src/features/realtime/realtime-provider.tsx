"use client";

import { usePathname, useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { toast } from "sonner";
import { loginPath } from "@/features/auth/login-path";
import { actorName, describeEvent, isOwnEvent, type EventDescribers } from "./describe-event";
import type { AuthFailure } from "./connection-status";
import { FlashStore, flashOf, type Flashes } from "./flash-store";
import { ToastBursts } from "./toast-bursts";
import { RealtimeClient } from "./realtime-client";
import type { RealtimeSnapshot } from "./realtime-client-types";

const RESYNC_MESSAGE = "Reloaded after a gap — the page shows the latest data";

/** The login page's explanation for each way a console loses its session (see sign-in-error.ts). */
const LOGIN_ERRORS: Record<AuthFailure, string | null> = { expired: null, signed_out: "SignedOut", deactivated: "AccountDeactivated" };

function loginAfter(why: AuthFailure, pathname: string): string {
  const path = loginPath(pathname);
  const code = LOGIN_ERRORS[why];
  return code ? `${path}${path.includes("?") ? "&" : "?"}error=${code}` : path;
}
/** More replayed changes than this are summed up in one toast instead of one each. */
const REPLAY_TOAST_LIMIT = 3;

interface RealtimeContextValue {
  client: RealtimeClient | null;
  /** The signed-in user (whose own changes, from any tab, are not news to them). */
  userId: string;
  /** router.refresh(), at most once per second however many views ask. */
  requestRefresh: () => void;
  /** Rows others just changed, for lists to flash. */
  flashes: FlashStore | null;
}

const RealtimeContext = createContext<RealtimeContextValue>({ client: null, userId: "", requestRefresh: () => undefined, flashes: null });

export interface RealtimeProviderProps {
  userId: string;
  initialSeq: number;
  realtimeUrl: string | null;
  /** Every event type's toast, registered by the features that own them. */
  describers: EventDescribers;
  children: ReactNode;
}

export function RealtimeProvider({ userId, initialSeq, realtimeUrl, describers, children }: RealtimeProviderProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [client, setClient] = useState<RealtimeClient | null>(null);
  const [flashes] = useState(() => new FlashStore());
  const lastRefresh = useRef(0);
  // Read through refs so the socket is created once per tab, not on every navigation.
  const live = useRef({ router, pathname, userId, describers });
  live.current = { router, pathname, userId, describers };

  const requestRefresh = useRef(() => {
    if (Date.now() - lastRefresh.current < 1000) return;
    lastRefresh.current = Date.now();
    live.current.router.refresh();
  }).current;

  useEffect(() => {
    const pending: string[] = [];
    const bursts = new ToastBursts();
    const instance = new RealtimeClient({
      url: realtimeUrl,
      initialSeq,
      onAuthFailure: (why) => window.location.assign(loginAfter(why, live.current.pathname)),
      onAccessChanged: (message) => {
        // The socket already delivers what the new access allows; pages and navigation were
        // rendered with the old one, so they are read again (a page no longer allowed says so).
        toast.warning(message, { id: "access-changed" });
        lastRefresh.current = 0;
        requestRefresh();
      },
      onResync: () => {
        requestRefresh();
        toast.info(RESYNC_MESSAGE);
      },
      onEvent: (event, origin) => {
        // A subscription's backfill is what happened before its page was shown: the page shows it already.
        if (origin === "backfill" || isOwnEvent(event, live.current.userId)) return;
        const message = describeEvent(live.current.describers, event);
        if (!message) return;
        if (origin === "replay") {
          pending.push(message);
          return;
        }
        const flash = flashOf(event);
        if (flash) flashes.add(flash.id, flash.fields);
        const verb = event.type.slice(event.type.indexOf(".") + 1);
        const note = { actorId: event.actor?.id ?? "", actorName: actorName(event), kind: event.subject.kind, subjectId: event.subject.id, verb, message };
        const shown = bursts.add(note, Date.now());
        toast(shown.text, { id: shown.toastId });
      },
      onSynced: (replayed, reconnected) => {
        const messages = pending.splice(0);
        if (messages.length > REPLAY_TOAST_LIMIT) toast(`${messages.length} changes by others arrived while you were away`);
        else for (const message of messages) toast(message);
        if (reconnected) toast.success(caughtUpMessage(replayed));
      }
    });
    instance.start();
    setClient(instance);
    return () => {
      instance.stop();
      flashes.stop();
    };
    // initialSeq is only the starting point; later pages bring their own snapshot seq.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [realtimeUrl, requestRefresh, flashes]);

  return <RealtimeContext.Provider value={{ client, userId, requestRefresh, flashes }}>{children}</RealtimeContext.Provider>;
}

export function useRealtimeContext(): RealtimeContextValue {
  return useContext(RealtimeContext);
}

const NO_FLASHES: Flashes = new Map();

/** The rows others just changed (by subject id), re-rendering as flashes start and end. */
export function useFlashes(): Flashes {
  const { flashes } = useRealtimeContext();
  return useSyncExternalStore(
    flashes?.subscribe ?? noop,
    () => flashes?.getSnapshot() ?? NO_FLASHES,
    () => NO_FLASHES
  );
}

/** Said when a lost connection is back and everything missed has been applied. */
function caughtUpMessage(replayed: number): string {
  if (replayed === 0) return "Caught up — nothing changed while you were away";
  return `Caught up — ${replayed === 1 ? "1 change" : `${replayed} changes`} applied`;
}

const idle: RealtimeSnapshot = { status: "connecting", lostAt: null, version: 0, presence: null };
const noop = () => () => undefined;

/** Connection status, event version and presence, re-rendering on change. */
export function useRealtimeSnapshot(): RealtimeSnapshot {
  const { client } = useRealtimeContext();
  return useSyncExternalStore(
    client?.subscribe ?? noop,
    () => client?.getSnapshot() ?? idle,
    () => idle
  );
}
