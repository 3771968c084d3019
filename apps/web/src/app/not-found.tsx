import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { BrandMark } from "@/features/shell/components/brand";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-4 px-4 text-center">
      <BrandMark className="size-10" />
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">The page you asked for does not exist, or it was deleted. Check the address, or start again from the dashboard.</p>
      <ButtonLink href="/">Go to the dashboard</ButtonLink>
    </main>
  );
}
