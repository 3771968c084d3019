"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { describeSignInError } from "../sign-in-error";

const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .pipe(z.email({ error: "Enter a valid email address" })),
  password: z.string().min(1, "Enter your password")
});
type LoginValues = z.infer<typeof loginSchema>;

export function LoginForm({ callbackUrl, initialError, email: initialEmail }: { callbackUrl: string; initialError: string | null; email: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting, isSubmitSuccessful }
  } = useForm<LoginValues>({ resolver: zodResolver(loginSchema), defaultValues: { email: initialEmail, password: "" } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error || !result.ok) {
      setFormError(describeSignInError(result?.error ?? "Default"));
      // Keep RHF from treating this as a success so the button re-enables.
      throw new Error("sign-in refused");
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        onSubmit(event).catch(() => undefined);
      }}
      className="space-y-4"
      aria-describedby={formError ? "login-error" : undefined}
    >
      <div id="login-error" role="alert" className="empty:hidden">
        {formError ? (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {formError}
          </p>
        ) : null}
      </div>
      <InputField id="email" label="Email" type="email" autoComplete="username" required error={errors.email?.message} {...register("email")} />
      <InputField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...register("password")}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting || isSubmitSuccessful} aria-busy={isSubmitting || undefined}>
        {isSubmitting || isSubmitSuccessful ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
