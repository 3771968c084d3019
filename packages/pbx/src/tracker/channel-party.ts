import type { Directory, DirectoryExtension, DirectoryTrunk } from "./directory";

/** Who is on the far side of a channel. Local channels are plumbing, never a party. */
export type ChannelParty =
  { kind: "extension"; ext: DirectoryExtension } | { kind: "trunk"; trunk: DirectoryTrunk } | { kind: "local" } | { kind: "other"; resource: string };

export interface ChannelName {
  tech: string;
  resource: string;
}

// "PJSIP/102-0000000a", "Local/102@from-internal-00000001;2", or a device such as "PJSIP/102".
const CHANNEL = /^([^/]+)\/(.+?)(?:-[0-9a-f]{8,})?(?:;[12])?$/i;

export function parseChannelName(name: string): ChannelName | undefined {
  const match = CHANNEL.exec(name.trim());
  if (!match?.[1] || !match[2]) return undefined;
  return { tech: match[1], resource: match[2] };
}

export async function resolveChannelParty(directory: Directory, channelName: string): Promise<ChannelParty> {
  const parsed = parseChannelName(channelName);
  if (!parsed) return { kind: "other", resource: channelName };
  if (parsed.tech.toLowerCase() === "local") return { kind: "local" };
  const ext = await directory.extension(parsed.resource);
  if (ext) return { kind: "extension", ext };
  const trunk = await directory.trunk(parsed.resource);
  if (trunk) return { kind: "trunk", trunk };
  return { kind: "other", resource: parsed.resource };
}

/** A long digit string is a public number (outbound); short ones are extensions or feature codes. */
export function looksExternal(number: string | undefined): boolean {
  return number !== undefined && /^\+?\d{6,}$/.test(number);
}
