import { clsx } from "clsx";
import type { ComponentProps, ReactNode } from "react";
import { controlClasses, describedBy, FieldFrame } from "@/components/ui/field";

type TextareaFieldProps = Omit<ComponentProps<"textarea">, "id"> & { id: string; label: string; hint?: ReactNode; error?: string };

export function TextareaField({ id, label, hint, error, required, className, ...textarea }: TextareaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <textarea
        id={id}
        className={clsx(controlClasses, "min-h-28")}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </FieldFrame>
  );
}
