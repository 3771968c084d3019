"use client";

import { useEffect, useRef } from "react";
import { Button, ButtonLink } from "./button";

/** The body of an error boundary: what happened, a reference for support, and a way forward. */
export function ErrorState({ error, retry, title = "Something went wrong" }: { error: unknown; retry: () => void; title?: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    console.error(error);
    headingRef.current?.focus();
  }, [error]);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white p-6 shadow-sm dark:border-red-900 dark:bg-slate-900">
      <h1 ref={headingRef} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        {title}
      </h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        This page could not be loaded. It may be a temporary problem with the server or the database; trying again usually helps.
      </p>
      {digest ? <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Reference: {digest}</p> : null}
      <div className="mt-5 flex flex-wrap gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Go to the dashboard
        </ButtonLink>
      </div>
    </div>
  );
}
