import type { Metadata } from "next";
import { NotFoundContent } from "@/components/ui/not-found-content";
import { BrandMark } from "@/features/shell/components/brand";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="px-4 pt-16">
      <div className="flex justify-center">
        <BrandMark className="size-10" />
      </div>
      <NotFoundContent />
    </main>
  );
}
