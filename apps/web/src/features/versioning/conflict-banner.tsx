"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { whoChanged, type EditConflict } from "./edit-conflict";

interface ConflictBannerProps {
  conflict: EditConflict<unknown> | null;
  /** "extension": what the deletion message calls it. */
  noun: string;
  /** Labels of the fields the form shows, to name what changed ("Display name, Enabled"). */
  fieldLabels?: Record<string, string>;
  /** Where to go once an entity is gone. */
  listHref?: string;
  onReload(): void;
  onKeepMine(): void;
}

/** "Sam changed this — reload or keep mine": shown on an open form the moment someone else's change arrives. */
export function ConflictBanner({ conflict, noun, fieldLabels = {}, listHref, onReload, onKeepMine }: ConflictBannerProps) {
  if (!conflict) return null;
  const who = whoChanged(conflict);
  const box = "rounded-md border p-4 text-sm";
  if (conflict.kind === "deleted") {
    return (
      <div role="alert" className={`${box} border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100`}>
        <p className="font-semibold">
          {conflict.by || conflict.byMe ? `${who} deleted this ${noun} while you were editing it.` : `This ${noun} was deleted while you were editing it.`}
        </p>
        <p className="mt-1">What you typed is still here, but it can no longer be saved.</p>
        {listHref ? (
          <p className="mt-2">
            <Link href={listHref} className="font-medium underline underline-offset-2">
              Back to the list
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  const changed = Object.keys(conflict.changes ?? {})
    .map((field) => fieldLabels[field])
    .filter(Boolean);
  return (
    <div
      role="alert"
      className={`${box} flex flex-wrap items-center justify-between gap-3 border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100`}
    >
      <div>
        <p>
          <strong className="font-semibold">{who} changed this</strong> — reload or keep mine.
        </p>
        <p className="mt-1">
          {changed.length ? `Changed: ${changed.join(", ")}. ` : ""}
          Reload shows their version; Keep mine saves yours over it.
        </p>
      </div>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" onClick={onReload}>
          Reload
        </Button>
        <Button size="sm" onClick={onKeepMine}>
          Keep mine
        </Button>
      </div>
    </div>
  );
}
