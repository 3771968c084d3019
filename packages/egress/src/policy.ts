/** A host and port of one of Switchboard's own services (database, Redis, web, realtime, …). */
interface ServiceAddress {
  host: string;
  port: number;
}

/**
 * Which destinations outgoing connections (webhooks, the PBX's AMI) may reach. Public addresses
 * always; private and loopback ones only when the operator allows them (on-premises installs whose
 * PBX is on the LAN); link-local, metadata and reserved ones never; and never one of our own
 * services, whatever the operator allows.
 */
export interface EgressPolicy {
  allowPrivate: boolean;
  ownServices: readonly ServiceAddress[];
}

/** Hosts that stand for "this machine" in a service address (a process listening on every interface). */
export const LOCAL_HOSTS: ReadonlySet<string> = new Set(["0.0.0.0", "::", "localhost", "127.0.0.1", "::1"]);

/** "host:port" or "[v6]:port"; throws naming the entry when it is not one. */
function parseServiceAddress(entry: string): ServiceAddress {
  const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(entry.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${entry}" is not host:port`);
  return { host: match[1], port };
}

/** The host and port of a service URL (postgres://, redis://, http://), with the scheme's default port. */
function serviceAddressOfUrl(url: string | undefined, defaultPort: number): ServiceAddress[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    if (!u.hostname) return [];
    return [{ host: u.hostname.replace(/^\[|\]$/g, ""), port: u.port ? Number(u.port) : defaultPort }];
  } catch {
    return [];
  }
}

export interface EgressSettings {
  /** OUTBOUND_ALLOW_PRIVATE. */
  allowPrivate: boolean;
  /** OUTBOUND_DENY: host:port entries. */
  deny: readonly string[];
  databaseUrl?: string;
  redisUrl?: string;
  /** Ports this process listens on (on every local address). */
  localPorts?: readonly number[];
}

/** A process's policy: the operator's settings plus the services it knows it talks to or serves. */
export function egressPolicyFor(settings: EgressSettings): EgressPolicy {
  return {
    allowPrivate: settings.allowPrivate,
    ownServices: [
      ...settings.deny.map(parseServiceAddress),
      ...serviceAddressOfUrl(settings.databaseUrl, 5432),
      ...serviceAddressOfUrl(settings.redisUrl, 6379),
      ...(settings.localPorts ?? []).map((port) => ({ host: "0.0.0.0", port }))
    ]
  };
}
