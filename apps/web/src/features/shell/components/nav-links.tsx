"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
}

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The main navigation: a row in the header, or a column (`stacked`) in the phone menu. */
export function NavLinks({ items, stacked = false }: { items: readonly NavItem[]; stacked?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={clsx(!stacked && "-mx-1 overflow-x-auto")}>
      <ul className={clsx(stacked ? "grid grid-cols-2 gap-1" : "flex px-1")}>
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={clsx(
                  "block rounded-md font-medium whitespace-nowrap",
                  // 13 px and tight padding below 2xl: an admin's fourteen links fit one row at 1280 px.
                  stacked ? "px-3 py-2.5 text-sm" : "px-1.5 py-2 text-[13px] 2xl:px-2.5 2xl:text-sm",
                  current
                    ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                    : "text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
