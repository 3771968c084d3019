import { Button, ButtonLink } from "@/components/ui/button";

export function FormActions({
  submitLabel,
  pendingLabel,
  pending,
  cancelHref
}: {
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  cancelHref: string;
}) {
  return (
    <div className="flex flex-wrap justify-end gap-3 border-t border-slate-200 pt-5 dark:border-slate-800">
      <ButtonLink href={cancelHref} variant="secondary">
        Cancel
      </ButtonLink>
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </div>
  );
}
