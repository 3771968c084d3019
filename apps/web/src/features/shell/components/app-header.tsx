import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@switchboard/contracts";
import { Badge } from "@/components/ui/panel";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { ConnectionIndicator } from "@/features/realtime/connection-indicator";
import { ThemeToggle } from "@/features/theme/theme-toggle";
import { roleLabel } from "../role-label";
import { BrandMark } from "./brand";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

interface AppHeaderProps {
  user: { name: string; role: Role };
  orgName: string;
  nav: readonly NavItem[];
  /** Unread notifications as of `seq` (the bell counts on live from there). */
  inbox: { unread: number; seq: number };
  /** The agent's own queue state control, for users who are queue members. */
  queueState?: ReactNode;
}

export function AppHeader({ user, orgName, nav, inbox, queueState }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6 lg:px-8">
        <Link href="/" className="flex items-center gap-2 rounded-md font-semibold">
          <BrandMark />
          <span className="text-lg">Switchboard</span>
          <span className="sr-only">, dashboard</span>
        </Link>
        <div className="order-last w-full md:order-none md:w-auto md:flex-1">
          <NavLinks items={nav} />
        </div>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {queueState}
          <ConnectionIndicator />
          <NotificationBell unread={inbox.unread} seq={inbox.seq} />
          <div className="text-right text-sm leading-tight">
            <p className="font-medium" data-testid="current-user">
              {user.name}
            </p>
            <p className="flex items-center justify-end gap-1 text-slate-600 dark:text-slate-400">
              <span className="sr-only">Role:</span>
              <Badge>{roleLabel(user.role)}</Badge>
              <span className="hidden sm:inline">· {orgName}</span>
            </p>
          </div>
          <ThemeToggle />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
