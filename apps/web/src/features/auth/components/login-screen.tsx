import { AuthFrame } from "./auth-frame";
import { LoginForm } from "./login-form";

interface LoginScreenProps {
  callbackUrl: string;
  initialError: string | null;
  notice: string | null;
  email: string;
  showDemoHint: boolean;
}

export function LoginScreen({ callbackUrl, initialError, notice, email, showDemoHint }: LoginScreenProps) {
  return (
    <AuthFrame
      title="Sign in to Switchboard"
      subtitle="Your phone system's live operations console."
      footer={
        showDemoHint ? (
          <p className="mt-4 text-center text-sm text-slate-600 dark:text-slate-400">
            Demo: <span className="font-mono">admin@demo.test</span> / <span className="font-mono">switchboard-demo</span>
          </p>
        ) : null
      }
    >
      {notice ? (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {notice}
        </p>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} initialError={initialError} email={email} />
    </AuthFrame>
  );
}
