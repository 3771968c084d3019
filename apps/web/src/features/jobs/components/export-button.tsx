"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { startExportAction } from "../actions/job-actions";
import { callAction } from "@/components/forms/call-action";

/** The list filters an export takes from the page's URL; recent calls are the ended ones. */
const FILTERS = {
  calls: { keys: ["direction", "result", "extension", "from", "to", "q"], fixed: { state: "ended" } },
  tickets: { keys: ["q", "status", "priority", "office", "assignee", "sort", "dir"], fixed: {} }
} as const;

/** "Export CSV": exports what the list shows with its current filters, as a job. */
export function ExportButton({ kind }: { kind: "calls" | "tickets" }) {
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const start = () =>
    startTransition(async () => {
      const { keys, fixed } = FILTERS[kind];
      const query = {
        ...Object.fromEntries([...params.entries()].filter(([key, value]) => (keys as readonly string[]).includes(key) && value !== "")),
        ...fixed
      };
      const result = await callAction(() => startExportAction({ kind, query }));
      if (result.ok)
        toast.success(
          <span>
            Export started. <Link href="/jobs">Follow it in Jobs</Link>; the file is offered there when it is ready.
          </span>
        );
      else toast.error(result.error.message);
    });
  return (
    <Button variant="secondary" onClick={start} disabled={pending}>
      Export {kind} as CSV
    </Button>
  );
}
