/** A form-level error, announced when it appears. */
export function FormAlert({ message }: { message: string | null }) {
  return (
    <div role="alert" className="empty:hidden">
      {message ? (
        <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">{message}</p>
      ) : null}
    </div>
  );
}

/** A polite note about the form itself (e.g. it took over someone else's newer values). */
export function EditNotice({ message }: { message: string | null }) {
  return (
    <p role="status" className="text-sm text-slate-700 empty:hidden dark:text-slate-300">
      {message}
    </p>
  );
}
