"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ActionError } from "@/lib/action-result";
import { useRealtimeContext } from "@/features/realtime/realtime-provider";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { newerChange, whoChanged, type EditConflict, type VersionedSubject } from "./edit-conflict";

export interface EditConflictOptions<V> {
  subject: VersionedSubject<V>;
  id: string;
  /** The entity as the page loaded it (again after a refresh), and the seq that snapshot reflects. */
  loaded: { version: number; view: V };
  seq: number;
  /** The editor has unsaved input; without it a newer version simply replaces the form's values. */
  dirty: boolean;
  /** Puts an entity's values into the form. */
  adopt: (view: V) => void;
}

export interface EditConflictState<V> {
  /** A newer version or a deletion the editor has not settled yet. */
  conflict: EditConflict<V> | null;
  /** The version the next save is based on (sent with it; the server refuses it if stale). */
  baseVersion: number;
  /** Take the other version: the form shows its values (refetched when the event did not carry them). */
  reload(): void;
  /** Keep the form's values; the next save knowingly replaces the newer version. */
  keepMine(): void;
  /** A refused save: a stale version or a deleted entity becomes the conflict. True when it did. */
  onSaveError(error: ActionError): boolean;
  /** The editor's own save succeeded at `version`. */
  saved(version: number): void;
  /** Said politely after a newer version replaced untouched values ("Sam Supervisor changed this; the form shows the new values"). */
  notice: string | null;
}

/**
 * Watches one entity while a form edits it (G8): another person's save or deletion shows as soon as
 * its event arrives, not at save time; untouched forms just take the new values. `null` options
 * (a create form) watch nothing.
 */
export function useEditConflict<V>(options: EditConflictOptions<V> | null): EditConflictState<V> {
  const { subject = null, id = "", loaded = { version: 0, view: null as V }, seq = 0, dirty = false, adopt = () => undefined } = options ?? {};
  const router = useRouter();
  const { userId } = useRealtimeContext();
  const events = useEventsSince(seq, subject ? [subject.topic(id)] : []);
  const [base, setBase] = useState(loaded.version);
  const [refused, setRefused] = useState<EditConflict<V> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const awaitingReload = useRef(false);
  const adoptRef = useRef(adopt);
  adoptRef.current = adopt;

  const live = useMemo(() => (subject ? newerChange(subject, id, events, base, userId) : null), [subject, id, events, base, userId]);

  // Untouched values follow the newest version; edited ones wait for the editor's decision.
  useEffect(() => {
    if (live?.kind !== "changed" || dirty || !live.view) return;
    adoptRef.current(live.view);
    setBase(live.version);
    setNotice(`${whoChanged(live)} changed this ${subject?.noun ?? "item"}; the form shows the new values.`);
  }, [live, dirty, subject?.noun]);

  // A refetch (after "Reload" without the new values at hand) brings them as the loaded entity.
  useEffect(() => {
    if (!subject || loaded.version <= base || (!awaitingReload.current && dirty)) return;
    awaitingReload.current = false;
    adoptRef.current(loaded.view);
    setBase(loaded.version);
    setRefused(null);
    // Only a newer loaded version matters; the view comes with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.version]);

  const conflict = live?.kind === "deleted" || (live && dirty) ? live : refused;

  return {
    conflict,
    baseVersion: base,
    notice,
    reload() {
      setNotice(null);
      if (conflict?.kind === "changed" && conflict.view) {
        adoptRef.current(conflict.view);
        setBase(conflict.version);
        setRefused(null);
        return;
      }
      awaitingReload.current = true;
      router.refresh();
    },
    keepMine() {
      if (conflict?.kind === "changed") setBase(conflict.version);
      setRefused(null);
    },
    onSaveError(error) {
      if (error.code === "not_found") {
        setRefused({ kind: "deleted", by: null, byMe: false });
        return true;
      }
      if (error.code !== "conflict" || !error.current) return false;
      const { version, changedBy } = error.current;
      setRefused({ kind: "changed", version, by: changedBy, byMe: false, view: null, changes: null });
      return true;
    },
    saved(version) {
      setBase(version);
      setRefused(null);
      setNotice(null);
    }
  };
}
