import { ButtonLink } from "./button";

export function NotFoundContent() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600 dark:text-slate-400">
        The page you asked for does not exist, or what it showed was deleted. Check the address, or start again from the dashboard.
      </p>
      <ButtonLink href="/">Go to the dashboard</ButtonLink>
    </div>
  );
}
