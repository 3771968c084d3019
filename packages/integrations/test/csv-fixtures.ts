/** An extensions CSV of `count` rows numbered from `first`; `bad` maps a 0-based row index to a broken line. */
export function extensionsCsv(count: number, first = 5000, bad: Record<number, string> = {}): string {
  const lines = ["number,display_name,sip_username,sip_secret,transport,codecs,voicemail_enabled,enabled"];
  for (let i = 0; i < count; i++) {
    const n = first + i;
    lines.push(bad[i] ?? `${n},Desk ${n},desk${n},secret-${n}-abcdef,udp,opus;ulaw,true,true`);
  }
  return `${lines.join("\n")}\n`;
}
