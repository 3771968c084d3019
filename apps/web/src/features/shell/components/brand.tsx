export function BrandMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className={className}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M9 11h14M9 16h9M9 21h12" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="23" cy="16" r="2" fill="white" />
    </svg>
  );
}
