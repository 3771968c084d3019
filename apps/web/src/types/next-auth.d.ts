import type { DefaultSession } from "next-auth";
import type { Role } from "@switchboard/contracts";

declare module "next-auth" {
  interface User {
    orgId: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; orgId: string; role: Role; name: string; email: string; sessionVersion: number } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    orgId?: string;
    role?: Role;
    /** The user's session version when this session was issued (see User.sessionVersion). */
    sv?: number;
  }
}
