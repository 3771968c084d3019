import Link from "next/link";
import type { ReactNode } from "react";
import type { Role } from "@switchboard/contracts";
import { Badge } from "@/components/ui/panel";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { ConnectionIndicator } from "@/features/realtime/connection-indicator";
import { ThemeToggle } from "@/features/theme/theme-toggle";
import { roleLabel } from "../role-label";
import { BrandMark } from "./brand";
import { MenuDisclosure } from "./menu-disclosure";
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

function UserCard({ user, orgName }: Pick<AppHeaderProps, "user" | "orgName">) {
  return (
    <div className="min-w-0 text-sm leading-tight md:text-right">
      <p className="truncate font-medium" data-testid="current-user">
        {user.name}
      </p>
      <p className="flex items-center gap-1 text-slate-600 md:justify-end dark:text-slate-400">
        <span className="sr-only">Role:</span>
        <Badge>{roleLabel(user.role)}</Badge>
        <span className="hidden truncate 2xl:inline">· {orgName}</span>
      </p>
    </div>
  );
}

/**
 * One row at every width: from md up the navigation sits inline (scrolling inside itself on narrow
 * tablets, never the page); on phones it folds into the "Menu" disclosure with the account controls.
 */
export function AppHeader({ user, orgName, nav, inbox, queueState }: AppHeaderProps) {
  return (
    <header className="relative border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
      <div className="mx-auto flex max-w-screen-2xl flex-nowrap items-center gap-2 px-4 py-2">
        <Link href="/" className="flex shrink-0 items-center gap-2 rounded-md font-semibold">
          <BrandMark />
          <span className="text-lg 2xl:not-sr-only sr-only">Switchboard</span>
          <span className="sr-only">, dashboard</span>
        </Link>
        <div className="hidden min-w-0 flex-1 md:block">
          <NavLinks items={nav} />
        </div>
        {/* Only the queue status may shrink (its words truncate); everything else keeps its size. */}
        <div className="ml-auto flex min-w-0 items-center gap-2">
          {queueState}
          <ConnectionIndicator />
          <NotificationBell unread={inbox.unread} seq={inbox.seq} />
          <div className="hidden items-center gap-2 md:flex">
            <UserCard user={user} orgName={orgName} />
            <ThemeToggle />
            <SignOutButton compact />
          </div>
          <MenuDisclosure>
            <NavLinks items={nav} stacked />
            <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3 dark:border-slate-800">
              <UserCard user={user} orgName={orgName} />
              <div className="flex items-center gap-2">
                <ThemeToggle labelled />
                <SignOutButton />
              </div>
            </div>
          </MenuDisclosure>
        </div>
      </div>
    </header>
  );
}
