import type { Transport } from "@switchboard/contracts";

export const TRANSPORTS: readonly Transport[] = ["udp", "tcp", "tls", "wss"];

export const TRANSPORT_LABELS: Record<Transport, string> = { udp: "UDP", tcp: "TCP", tls: "TLS", wss: "WSS" };

/** Form labels: the name people know, with the PBX's identifier. */
const CODEC_LABELS: Record<string, string> = {
  opus: "Opus",
  g722: "G.722",
  ulaw: "G.711 µ-law (ulaw)",
  alaw: "G.711 A-law (alaw)",
  g729: "G.729",
  gsm: "GSM"
};
/** Table cells: short enough to keep rows on one line. */
const CODEC_SHORT: Record<string, string> = { opus: "Opus", g722: "G.722", ulaw: "µ-law", alaw: "A-law", g729: "G.729", gsm: "GSM" };

export function codecLabel(codec: string): string {
  return CODEC_LABELS[codec] ?? codec;
}

export function codecShort(codec: string): string {
  return CODEC_SHORT[codec] ?? codec;
}
