import Link from "next/link";
import type { ReactNode } from "react";
import { PageHeader, Panel } from "@/components/ui/panel";

/** The frame of a create/edit page: a link back to the list, the heading, and the form in a panel. */
export function EntityFormShell({ backHref, backLabel, title, children }: { backHref: string; backLabel: string; title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4">
        <Link href={backHref} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
          {`← ${backLabel}`}
        </Link>
      </div>
      <PageHeader title={title} />
      <Panel className="p-6">{children}</Panel>
    </div>
  );
}
