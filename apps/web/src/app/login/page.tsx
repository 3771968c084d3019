import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { emailSchema } from "@switchboard/contracts";
import { LoginScreen } from "@/features/auth/components/login-screen";
import { safeCallbackPath } from "@/features/auth/login-path";
import { loadLoginPage } from "@/features/auth/server/load-login";
import { findViewer } from "@/features/auth/server/require-viewer";
import { describeLoginNotice, describeSignInError } from "@/features/auth/sign-in-error";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const { mustSetUp, demo } = await loadLoginPage();
  if (mustSetUp) redirect("/setup");
  if (await findViewer()) redirect(callbackUrl);
  const email = emailSchema.safeParse(first(params.email) ?? "");
  return (
    <LoginScreen
      callbackUrl={callbackUrl}
      initialError={describeSignInError(first(params.error))}
      notice={describeLoginNotice(first(params.notice))}
      email={email.success ? email.data : ""}
      showDemoHint={demo}
    />
  );
}
