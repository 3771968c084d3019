import { ButtonLink } from "@/components/ui/button";

/**
 * Previous / next page links under a server-paged table whose page lives in the URL (the table
 * component's own pagination is for client-side pages). Nothing when there is only one page.
 */
export function PageLinks({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between border-t border-slate-200 p-3 text-sm dark:border-slate-800">
      <span>
        Page {page} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <ButtonLink variant="secondary" size="sm" href={href(page - 1)}>
            Previous page
          </ButtonLink>
        ) : null}
        {page < pageCount ? (
          <ButtonLink variant="secondary" size="sm" href={href(page + 1)}>
            Next page
          </ButtonLink>
        ) : null}
      </span>
    </nav>
  );
}
