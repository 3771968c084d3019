import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "@switchboard/events/testing";
import { probePostgres } from "./probe-services";

export interface PrivatePostgres {
  url: string;
  port: number;
  /** The temporary folder holding the cluster; removed by stop(). */
  dir: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

interface Account {
  name: string;
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root: then the cluster belongs to the `postgres` account the server
 * packages create, or to `nobody`.
 */
function unprivilegedAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = existsSync("/etc/passwd") ? readFileSync("/etc/passwd", "utf8").split("\n") : [];
  for (const name of ["postgres", "nobody"]) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(":");
    if (fields?.[2] && fields[3]) return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error("running as root, and there is no postgres or nobody account to run a private PostgreSQL as");
}

function logTail(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-20).join("\n") : "(no output)";
}

function runToEnd(command: string, args: string[], options: { account: Account | undefined; cwd: string; log: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = openSync(options.log, "a");
    const child = spawn(command, args, { cwd: options.cwd, stdio: ["ignore", out, out], uid: options.account?.uid, gid: options.account?.gid });
    closeSync(out);
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}:\n${logTail(options.log)}`))));
  });
}

/**
 * A throwaway PostgreSQL cluster for one test run: initdb into a temporary folder, the server on a
 * random port of 127.0.0.1 with trust authentication and no durability (the data dies with it).
 * It never touches the machine's own clusters.
 */
export async function startPrivatePostgres(binDir: string, options: { readyTimeoutMs?: number } = {}): Promise<PrivatePostgres> {
  const account = unprivilegedAccount();
  const dir = mkdtempSync(path.join(tmpdir(), "switchboard-test-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  let server: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const killHard = () => server?.kill("SIGKILL");
  process.once("exit", killHard);

  const stop = async () => {
    process.off("exit", killHard);
    if (server && server.exitCode === null && server.signalCode === null) {
      // SIGINT is PostgreSQL's fast shutdown; a server that ignores it is killed.
      server.kill("SIGINT");
      const timer = setTimeout(killHard, 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    if (account) chownSync(dir, account.uid, account.gid);
    await runToEnd(path.join(binDir, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], {
      account,
      cwd: dir,
      log
    });
    const port = await findFreePort();
    const out = openSync(log, "a");
    // Own process group: a Ctrl-C in the terminal reaches the tests, and this server is stopped after them.
    const child = spawn(
      path.join(binDir, "postgres"),
      [
        "-D",
        data,
        "-p",
        String(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        "max_connections=200",
        "-c",
        "fsync=off",
        "-c",
        "synchronous_commit=off",
        "-c",
        "full_page_writes=off"
      ],
      { cwd: dir, stdio: ["ignore", out, out], detached: true, uid: account?.uid, gid: account?.gid }
    );
    closeSync(out);
    server = child;
    exited = new Promise((resolve) => child.once("exit", () => resolve()));
    child.once("error", () => undefined);

    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
    while (!(await probePostgres(url, 1_000)).ok) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the private PostgreSQL exited during start-up:\n${logTail(log)}`);
      if (Date.now() > deadline) throw new Error(`the private PostgreSQL did not accept connections in time:\n${logTail(log)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { url, port, dir, pid: child.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
