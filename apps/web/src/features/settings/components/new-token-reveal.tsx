"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";

/** The one time a new token is visible: copy it, then dismiss. Focus moves here so it is noticed. */
export function NewTokenReveal({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
      toast.success("Token copied to the clipboard");
    } catch {
      toast.error("Copying failed: select the token and copy it yourself");
    }
  };

  return (
    <section
      aria-labelledby="new-token-heading"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <h3 id="new-token-heading" ref={headingRef} tabIndex={-1} className="font-semibold focus:outline-none">
        Your new token “{name}”
      </h3>
      <p className="mt-1 text-sm" role="alert">
        Copy it now: for your security it will not be shown again.
      </p>
      <label htmlFor="new-token-value" className="mt-3 mb-1 block text-sm font-medium">
        New API token
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="new-token-value"
          readOnly
          value={token}
          onFocus={(e) => e.currentTarget.select()}
          className={`${controlClasses} min-w-64 flex-1 font-mono`}
        />
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy token"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
