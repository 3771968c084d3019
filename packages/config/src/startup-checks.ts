import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  ENOTDIR: "a file is in the way",
  EEXIST: "a file is in the way"
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** The problem with writing the embedded database and secrets to `dir`, named for the person who can fix it. */
function dataDirProblem(dir: string, error: unknown): string {
  return `DATA_DIR: cannot write to ${dir} (${reasonOf(error)}); set DATA_DIR to a folder you can write to, or fix its permissions`;
}

/**
 * Whether `dir` can hold the embedded database and secrets, without creating it: an existing folder
 * gets a real write probe (root passes permission checks but not a read-only mount), a missing one
 * needs a writable nearest existing ancestor. null: fine.
 */
export function findDataDirProblem(dir: string): string | null {
  try {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) return dataDirProblem(dir, Object.assign(new Error("not a folder"), { code: "ENOTDIR" }));
      rmSync(mkdtempSync(path.join(dir, ".write-check-")), { recursive: true });
      return null;
    }
    let ancestor = path.dirname(dir);
    while (!existsSync(ancestor)) ancestor = path.dirname(ancestor);
    if (!statSync(ancestor).isDirectory()) return dataDirProblem(dir, Object.assign(new Error("not a folder"), { code: "ENOTDIR" }));
    accessSync(ancestor, constants.W_OK);
    return null;
  } catch (error) {
    return dataDirProblem(dir, error);
  }
}

/** What to tell a person whose server cannot listen on host:port, from the listen error. */
export function portProblem(host: string, port: number, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host}:${port}`;
  if (code === "EADDRINUSE") return `PORT: ${where} is already in use by another program; stop it, or choose another port (e.g. PORT=${port + 1})`;
  if (code === "EACCES") return `PORT: ${where} needs privileges this user lacks (ports below 1024); choose a port above 1023`;
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return `HOST: ${host} is not an address of this machine; use 0.0.0.0 (all) or 127.0.0.1`;
  return `PORT: cannot listen on ${where} (${reasonOf(error)})`;
}

/** Tries to listen on host:port and lets go at once; null when a server could listen there. */
export function findPortProblem(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", (error) => resolve(portProblem(host, port, error)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}
