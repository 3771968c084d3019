import type { ComponentProps, ReactNode } from "react";
import { describedBy, FieldError, FieldHint } from "./field";

type CheckboxFieldProps = Omit<ComponentProps<"input">, "id" | "type"> & { id: string; label: string; hint?: ReactNode; error?: string };

export function CheckboxField({ id, label, hint, error, className, ...input }: CheckboxFieldProps) {
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          className="size-4 rounded border-slate-400 accent-brand-600"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          {...input}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
          {label}
        </label>
      </div>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

interface CheckboxGroupProps {
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}

/** A fieldset whose legend names the group; each box inside keeps its own label. */
export function CheckboxGroup({ id, legend, hint, error, className, children }: CheckboxGroupProps) {
  return (
    <fieldset className={className} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">{children}</div>
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
