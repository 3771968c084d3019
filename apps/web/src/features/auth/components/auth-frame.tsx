import type { ReactNode } from "react";
import { BrandMark } from "@/features/shell/components/brand";
import { ThemeToggle } from "@/features/theme/theme-toggle";

/** The frame of the pages one sees before signing in: sign-in, first-run setup, invitation and reset links. */
export function AuthFrame({
  title,
  subtitle,
  wide = false,
  children,
  footer
}: {
  title: string;
  subtitle: ReactNode;
  wide?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <div className="flex justify-end p-4">
        <ThemeToggle labelled />
      </div>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <div className={wide ? "w-full max-w-xl" : "w-full max-w-sm"}>
          <div className="mb-6 flex flex-col items-center gap-3 text-center">
            <BrandMark className="size-10" />
            <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
            <p className="text-sm text-slate-600 dark:text-slate-400">{subtitle}</p>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">{children}</div>
          {footer}
        </div>
      </main>
    </div>
  );
}
