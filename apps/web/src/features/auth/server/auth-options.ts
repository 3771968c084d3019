import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signIn } from "@switchboard/db";
import { CLIENT_IP_HEADER } from "@/server/client-ip";
import { asDomainError } from "@/server/domain-error";
import { getRuntime } from "@/server/runtime";

const SIGN_IN_UNAVAILABLE = "Signing in is unavailable right now. Please try again shortly.";

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
          try {
            const user = await signIn(db, email, password, ip);
            return user ? { id: user.id, name: user.name, email: user.email, orgId: user.orgId, role: user.role } : null;
          } catch (error) {
            // A lockout message is meant for the user; next-auth hands the message to the login page.
            const domain = asDomainError(error);
            if (domain?.code === "rate_limited") throw new Error(domain.message, { cause: error });
            console.error("sign-in failed", error);
            throw new Error(SIGN_IN_UNAVAILABLE, { cause: error });
          }
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
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.sub ?? "",
          orgId: token.orgId ?? "",
          role: token.role ?? "customer",
          name: token.name ?? "",
          email: token.email ?? ""
        };
        return session;
      }
    }
  };
  return cached;
}
