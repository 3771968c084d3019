import ipaddr from "ipaddr.js";

/** What an IP address is, as far as sending requests to it goes. */
export type AddressClass = "public" | "loopback" | "private" | "link_local" | "metadata" | "reserved";

/** Cloud instance-metadata endpoints: never a destination, whatever the operator allows. */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set(["169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"]);

const PRIVATE_RANGES: ReadonlySet<string> = new Set(["private", "uniqueLocal", "carrierGradeNat"]);

/**
 * Classifies an address after unwrapping IPv4-mapped IPv6 (`::ffff:127.0.0.1` is loopback). Only
 * ordinary unicast is public; NAT64, 6to4, Teredo, documentation, multicast and the unspecified
 * address are reserved, since each can reach or stand for something that is not public.
 */
export function classifyAddress(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return "reserved";
  const parsed = ipaddr.process(address);
  const normalized = parsed.toNormalizedString();
  if (METADATA_ADDRESSES.has(normalized) || METADATA_ADDRESSES.has(parsed.toString())) return "metadata";
  const range = parsed.range();
  if (range === "unicast") return "public";
  if (range === "loopback") return "loopback";
  if (range === "linkLocal") return "link_local";
  if (PRIVATE_RANGES.has(range)) return "private";
  return "reserved";
}

/** The address in the form sockets report it (IPv4-mapped IPv6 unwrapped), for comparisons. */
export function canonicalAddress(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address;
}
