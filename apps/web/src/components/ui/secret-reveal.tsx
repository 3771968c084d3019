"use client";

import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";

export interface SecretRevealProps {
  /** Prefix for the heading's and the input's ids. */
  id: string;
  /** The section sits under an h2 (level 3) or an h3 (level 4). */
  headingLevel: 3 | 4;
  title: string;
  notice: string;
  /** The input's label, e.g. "New API token". */
  label: string;
  /** What it is in the copy button and toasts: "token", "secret". */
  noun: string;
  value: string;
  onDone: () => void;
}

/** The one time a new credential is visible: copy it, then dismiss. Focus moves here so it is noticed. */
export function SecretReveal({ id, headingLevel, title, notice, label, noun, value, onDone }: SecretRevealProps) {
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const Heading = headingLevel === 3 ? "h3" : "h4";

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} copied to the clipboard`);
    } catch {
      toast.error(`Copying failed: select the ${noun} and copy it yourself`);
    }
  };

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="font-semibold focus:outline-none">
        {title}
      </Heading>
      <p className="mt-1 text-sm" role="alert">
        {notice}
      </p>
      <label htmlFor={`${id}-value`} className="mt-3 mb-1 block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input id={`${id}-value`} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={`${controlClasses} min-w-64 flex-1 font-mono`} />
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : `Copy ${noun}`}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
