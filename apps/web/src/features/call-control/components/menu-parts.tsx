"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import * as Popover from "@radix-ui/react-popover";
import { clsx } from "clsx";
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

/**
 * Styled Radix menu and popover parts for call actions. Radix gives the roles (menu, menuitem,
 * dialog), arrow-key movement, typeahead, Escape and focus return; these only add the look.
 */

const surface =
  "z-50 rounded-md border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const item =
  "flex cursor-pointer select-none items-center gap-2 rounded px-2 py-1.5 outline-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-brand-600 data-[highlighted]:text-white";

export function MenuContent({ className, children, ...rest }: ComponentProps<typeof DropdownMenu.Content>) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content sideOffset={4} collisionPadding={8} className={clsx(surface, "min-w-52", className)} {...rest}>
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="px-2 py-1 text-xs font-semibold text-slate-600 dark:text-slate-400">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />;
}

export function MenuItem({ danger, className, ...rest }: ComponentProps<typeof DropdownMenu.Item> & { danger?: boolean }) {
  return <DropdownMenu.Item className={clsx(item, danger && "text-red-700 dark:text-red-400", className)} {...rest} />;
}

export function MenuLinkItem({ href, children }: { href: string; children: ReactNode }) {
  return (
    <DropdownMenu.Item asChild className={item}>
      <Link href={href}>{children}</Link>
    </DropdownMenu.Item>
  );
}

export function PopoverPanel({ className, children, ...rest }: ComponentProps<typeof Popover.Content>) {
  return (
    <Popover.Portal>
      <Popover.Content sideOffset={6} collisionPadding={8} className={clsx(surface, "p-3", className)} {...rest}>
        {children}
      </Popover.Content>
    </Popover.Portal>
  );
}
