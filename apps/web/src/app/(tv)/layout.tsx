import type { ReactNode } from "react";
import { TvShell } from "@/features/queues/components/tv-shell";

export const dynamic = "force-dynamic";

export default function TvLayout({ children }: { children: ReactNode }) {
  return <TvShell>{children}</TvShell>;
}
