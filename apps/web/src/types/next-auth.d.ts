import type { DefaultSession } from "next-auth";
import type { Role } from "@switchboard/contracts";

declare module "next-auth" {
  interface User {
    orgId: string;
    role: Role;
  }
  interface Session {
    user: { id: string; orgId: string; role: Role; name: string; email: string } & DefaultSession["user"];
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    orgId?: string;
    role?: Role;
  }
}
