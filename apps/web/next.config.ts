import path from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" }
];

const nextConfig: NextConfig = {
  // The workspace packages export TypeScript source.
  transpilePackages: [
    "@switchboard/contracts",
    "@switchboard/auth",
    "@switchboard/config",
    "@switchboard/db",
    "@switchboard/pbx",
    "@switchboard/egress",
    "@switchboard/integrations",
    "@switchboard/mail"
  ],
  // Native, wasm or worker-based packages are loaded by Node at run time, never bundled. Prisma's
  // runtime must stay external too: the database handle is created by server.ts (outside the
  // bundle) and its errors must be the same classes the bundled services test against.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
    "ioredis",
    "pino",
    "pg-boss",
    "rate-limiter-flexible"
  ],
  turbopack: { root: repoRoot },
  outputFileTracingRoot: repoRoot,
  // Types are checked once, by the workspace's `typecheck` task (npm test runs it before any
  // build); a second full tsc pass inside every build only made builds slower.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // A reply carries up to 20 MB of files to its server action (an extensions CSV, up to 2 MB, is
    // sent to the import's as text). Pages' requests pass the proxy, which buffers the body: the
    // same bound, or a reply's files would arrive cut short.
    serverActions: { bodySizeLimit: "25mb" },
    proxyClientMaxBodySize: "25mb",
    // Builds run on fresh machines (CI, image builds) whose cache is thrown away: writing it is
    // pure cost there.
    turbopackFileSystemCacheForBuild: false
  },
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  }
};

export default nextConfig;
