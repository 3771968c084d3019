import type { Transport } from "@switchboard/contracts";

export const TRANSPORTS: readonly Transport[] = ["udp", "tcp", "tls", "wss"];

export const TRANSPORT_LABELS: Record<Transport, string> = { udp: "UDP", tcp: "TCP", tls: "TLS", wss: "WSS" };

export const CODEC_LABELS: Record<string, string> = { opus: "Opus", g722: "G.722", ulaw: "G.711 µ-law", alaw: "G.711 A-law", g729: "G.729", gsm: "GSM" };

export function codecLabel(codec: string): string {
  return CODEC_LABELS[codec] ?? codec;
}
