import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginScreen } from "@/features/auth/components/login-screen";
import { safeCallbackPath } from "@/features/auth/login-path";
import { findViewer } from "@/features/auth/server/require-viewer";
import { describeSignInError } from "@/features/auth/sign-in-error";
import { getRuntime } from "@/server/runtime";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await findViewer()) redirect(callbackUrl);
  return <LoginScreen callbackUrl={callbackUrl} initialError={describeSignInError(first(params.error))} showDemoHint={getRuntime().config.seedDemo} />;
}
