import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Notice, PageHeader } from "@/components/ui/panel";
import { LIST_LIMIT } from "@/server/list-all";

interface EntityListScreenProps {
  /** Page heading, e.g. "Extensions". */
  title: string;
  /** Plural noun for the truncation notice, e.g. "extensions". */
  noun: string;
  description: ReactNode;
  /** The "New …" button, shown to managers only. */
  create: { href: string; label: string } | null;
  /** More header actions, before the create button (e.g. an import). */
  extraActions?: ReactNode;
  /** The list holds only the first LIST_LIMIT rows. */
  truncated: boolean;
  children: ReactNode;
}

/** The shell of a live list page: heading with the create button, a notice when the list was cut short, then the list. */
export function EntityListScreen({ title, noun, description, create, extraActions, truncated, children }: EntityListScreenProps) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          create || extraActions ? (
            <>
              {extraActions}
              {create ? <ButtonLink href={create.href}>{create.label}</ButtonLink> : null}
            </>
          ) : null
        }
      />
      {truncated ? (
        <div className="mb-4">
          <Notice tone="warning" title={`Showing the first ${LIST_LIMIT} ${noun}`}>
            Use the REST API to work with the full list.
          </Notice>
        </div>
      ) : null}
      {children}
    </>
  );
}
