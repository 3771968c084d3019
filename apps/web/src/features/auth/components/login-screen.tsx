import { BrandMark } from "@/features/shell/components/brand";
import { ThemeToggle } from "@/features/theme/theme-toggle";
import { LoginForm } from "./login-form";

interface LoginScreenProps {
  callbackUrl: string;
  initialError: string | null;
  showDemoHint: boolean;
}

export function LoginScreen({ callbackUrl, initialError, showDemoHint }: LoginScreenProps) {
  return (
    <div className="flex min-h-dvh flex-col">
      <div className="flex justify-end p-4">
        <ThemeToggle />
      </div>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex flex-col items-center gap-3 text-center">
            <BrandMark className="size-10" />
            <h1 className="text-2xl font-semibold tracking-tight">Sign in to Switchboard</h1>
            <p className="text-sm text-slate-600 dark:text-slate-400">Your phone system&apos;s live operations console.</p>
          </div>
          <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
          </div>
          {showDemoHint ? (
            <p className="mt-4 text-center text-sm text-slate-600 dark:text-slate-400">
              Demo: <span className="font-mono">admin@demo.test</span> / <span className="font-mono">switchboard-demo</span>
            </p>
          ) : null}
        </div>
      </main>
    </div>
  );
}
