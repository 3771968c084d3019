import { ButtonLink } from "@/components/ui/button";

/** The list page's way to its CSV import page. */
export function ImportCsvLink({ href }: { href: string }) {
  return (
    <ButtonLink href={href} variant="secondary">
      Import CSV
    </ButtonLink>
  );
}
