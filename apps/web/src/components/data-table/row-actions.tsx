"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

/** Edit and Delete for one row; the hidden suffix names the row for screen readers. */
export function RowActions({ editHref, subject, onDelete }: { editHref: string; subject: string; onDelete: () => void }) {
  return (
    <div className="flex justify-end gap-2 whitespace-nowrap">
      <Link href={editHref} className={buttonClasses("secondary", "sm")}>
        Edit<span className="sr-only"> {subject}</span>
      </Link>
      <button type="button" onClick={onDelete} className={buttonClasses("ghost", "sm", "text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950")}>
        Delete<span className="sr-only"> {subject}</span>
      </button>
    </div>
  );
}
