import type { ReactNode } from "react";
import { AppShell } from "@/features/shell/components/app-shell";

export const dynamic = "force-dynamic";

export default function AppLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
