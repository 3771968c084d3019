import { DEMO_PASSWORD, DEMO_USERS } from "@switchboard/db/seed";

export interface StartFacts {
  url: string;
  /** The demo organization exists: its logins work. */
  demo: boolean;
  /** Which organization's PBX traffic is simulated, and whether by default or because SIMULATOR=demo asked. */
  simulator: { org: string; byDefault: boolean } | null;
}

/** The browser-facing address of a server bound to host:port. */
export function publicUrl(host: string, port: number): string {
  return `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}`;
}

/**
 * What a person who just ran `npm start` needs to read (plain text on stdout, beside the JSON log):
 * where to go, how to sign in, and whether the phone traffic they will see is simulated.
 */
export function formatStartBanner({ url, demo, simulator }: StartFacts): string {
  const lines = [`Switchboard is ready at ${url}`];
  if (demo) {
    const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
    lines.push("", `  Demo logins (password ${DEMO_PASSWORD}):`, ...DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role}`));
  }
  if (simulator) {
    lines.push("", `  Simulated PBX traffic (calls, lamps, trunks) is running for the ${simulator.org} organization.`);
    lines.push(simulator.byDefault ? "  To start without it: SIMULATOR=off npm start" : "  SIMULATOR=demo asked for it; unset SIMULATOR to turn it off.");
  }
  return `${lines.join("\n")}\n`;
}
