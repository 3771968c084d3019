export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-16 text-slate-600 dark:text-slate-400">
      <span aria-hidden="true" className="size-4 rounded-full border-2 border-slate-300 border-t-brand-600 motion-safe:animate-spin" />
      Loading…
    </div>
  );
}
