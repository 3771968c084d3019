import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";
import { canonicalAddress, classifyAddress, type AddressClass } from "./classify-address";
import { LOCAL_HOSTS, type EgressPolicy } from "./policy";

/** The one message every refusal shows: which rule refused is for the server log only. */
export const EGRESS_REFUSED_MESSAGE = "this address cannot be used: it is private, reserved or one of Switchboard's own services";

export class EgressRefusedError extends Error {
  constructor(
    /** Why, for logs: never shown to the person who entered the address. */
    readonly reason: string
  ) {
    super(EGRESS_REFUSED_MESSAGE);
    this.name = "EgressRefusedError";
  }
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a hostname to every address it has (dns.lookup semantics: /etc/hosts, then DNS). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

const OWN_SERVICES_TTL_MS = 60_000;

/**
 * Decides whether a destination may be connected to, at the moment of connecting: the host is
 * resolved, every address it resolves to must be allowed (a name with one private address among
 * public ones is refused), and the caller connects to the address returned — never resolving the
 * name again, so a DNS answer that changes between check and connect (rebinding) cannot slip
 * through.
 */
export class EgressGuard {
  private ownCache: { at: number; addresses: Map<number, Set<string>> } | undefined;

  constructor(
    readonly policy: EgressPolicy,
    private readonly resolve: Resolver = systemResolver
  ) {}

  /** The address to connect to for host:port; throws EgressRefusedError when it is not allowed. */
  async check(host: string, port: number): Promise<ResolvedAddress> {
    const bare = host.trim().replace(/^\[|\]$/g, "");
    if (!bare) throw new EgressRefusedError("empty host");
    const literal = isIP(bare);
    let addresses: ResolvedAddress[];
    if (literal) {
      addresses = [{ address: bare, family: literal === 6 ? 6 : 4 }];
    } else {
      try {
        addresses = await this.resolve(bare);
      } catch (error) {
        throw new DestinationUnresolvedError(bare, error);
      }
    }
    if (addresses.length === 0) throw new DestinationUnresolvedError(bare);
    for (const candidate of addresses) await this.assertAllowed(bare, candidate.address, port);
    return addresses[0] as ResolvedAddress;
  }

  /** Throws EgressRefusedError unless this resolved address may be reached on this port. */
  private async assertAllowed(host: string, address: string, port: number): Promise<void> {
    const kind = classifyAddress(address);
    if (!this.classAllowed(kind)) throw new EgressRefusedError(`${host} resolves to ${address} (${kind})`);
    if (await this.isOwnService(address, port)) throw new EgressRefusedError(`${host}:${port} is one of Switchboard's own services (${address})`);
  }

  private classAllowed(kind: AddressClass): boolean {
    if (kind === "public") return true;
    if (kind === "private" || kind === "loopback") return this.policy.allowPrivate;
    return false;
  }

  private async isOwnService(address: string, port: number): Promise<boolean> {
    const own = await this.ownAddresses();
    return own.get(port)?.has(canonicalAddress(address)) ?? false;
  }

  /** Every address (by port) our own services listen on, resolved at most once a minute. */
  private async ownAddresses(): Promise<Map<number, Set<string>>> {
    if (this.ownCache && Date.now() - this.ownCache.at < OWN_SERVICES_TTL_MS) return this.ownCache.addresses;
    const byPort = new Map<number, Set<string>>();
    const add = (port: number, address: string) => {
      const set = byPort.get(port) ?? new Set<string>();
      set.add(canonicalAddress(address));
      byPort.set(port, set);
    };
    for (const service of this.policy.ownServices) {
      if (LOCAL_HOSTS.has(service.host)) {
        for (const address of localAddresses()) add(service.port, address);
        continue;
      }
      const resolved = isIP(service.host) ? [{ address: service.host }] : await this.resolve(service.host).catch(() => []);
      for (const r of resolved) add(service.port, r.address);
    }
    this.ownCache = { at: Date.now(), addresses: byPort };
    return byPort;
  }
}

/** The destination's name does not resolve: a plain connection error, not a refusal. */
class DestinationUnresolvedError extends Error {
  constructor(host: string, cause?: unknown) {
    super(`${host} does not resolve`, cause === undefined ? undefined : { cause });
    this.name = "DestinationUnresolvedError";
  }
}

/** Loopback and every address of this machine's interfaces. */
function localAddresses(): string[] {
  const addresses = ["127.0.0.1", "::1"];
  for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) addresses.push(info.address);
  return addresses;
}

/**
 * What to tell a person about a destination the guard would not connect to (null: not such an
 * error). By name, not instanceof: in the web process the guard (made at start-up) and the
 * services (in Next's bundle) load separate copies of this module.
 */
export function destinationProblem(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  if (error.name === "EgressRefusedError") return EGRESS_REFUSED_MESSAGE;
  if (error.name === "DestinationUnresolvedError") return "the host name does not resolve";
  return null;
}
