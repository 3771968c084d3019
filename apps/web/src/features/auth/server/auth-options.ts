import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signIn } from "@switchboard/db";
import { rateLimitedCode } from "../sign-in-error";
import { CLIENT_IP_HEADER } from "@/server/client-ip";
import { asDomainError } from "@/server/domain-error";
import { getRuntime } from "@/server/runtime";

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return typeof value === "string" && value ? value : undefined;
}

let cached: NextAuthOptions | undefined;

/** next-auth's options, built on first use so the secret and lifetime come from the validated config. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const { config, db } = getRuntime();
  cached = {
    secret: config.authSecret,
    session: { strategy: "jwt", maxAge: config.sessionMaxAgeSeconds },
    jwt: { maxAge: config.sessionMaxAgeSeconds },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const email = credentials?.email?.trim() ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password) return null;
          // Only server.ts sets this header (it strips client-sent copies); next dev alone has none.
          const ip = headerValue(req.headers, CLIENT_IP_HEADER) ?? "unknown";
          // next-auth hands a thrown error's message to the login page, which shows known codes only.
          let result;
          try {
            result = await signIn(db, email, password, ip);
          } catch (error) {
            const domain = asDomainError(error);
            if (domain?.code === "rate_limited") {
              const { retryAfterSeconds, busy } = error as { retryAfterSeconds?: number; busy?: boolean };
              throw new Error(busy ? "Busy" : rateLimitedCode(retryAfterSeconds ?? 60), { cause: error });
            }
            console.error("sign-in failed", error);
            throw new Error("Unavailable", { cause: error });
          }
          if (!result.ok) {
            if (result.reason === "deactivated") throw new Error("Deactivated");
            return null;
          }
          const { user } = result;
          return { id: user.id, name: user.name, email: user.email, orgId: user.orgId, role: user.role, sessionVersion: user.sessionVersion };
        }
      })
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.orgId = user.orgId;
          token.role = user.role;
          token.name = user.name;
          token.email = user.email;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          orgId: token.orgId ?? "",
          role: token.role ?? "customer",
          name: token.name ?? "",
          email: token.email ?? "",
          sessionVersion: token.sv ?? 1
        };
        return session;
      }
    }
  };
  return cached;
}
