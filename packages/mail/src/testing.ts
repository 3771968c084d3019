import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/** A message as the receiver got it: envelope and the raw data (headers and body). */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** The raw data with quoted-printable soft line breaks and escapes undone (enough to find a link). */
  text: string;
}

export interface SmtpReceiver {
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}

const address = (arg: string) => /<([^>]*)>/.exec(arg)?.[1] ?? arg.trim();

function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** One SMTP session: plain text, no TLS or AUTH offered, every sender and recipient accepted. */
function serve(socket: Socket, messages: ReceivedMail[]): void {
  let buffer = "";
  let envelope: { from: string; to: string[] } = { from: "", to: [] };
  let data: string[] | null = null;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  const handle = (line: string) => {
    if (data) {
      if (line !== ".") return void data.push(line.startsWith("..") ? line.slice(1) : line);
      const raw = data.join("\r\n");
      messages.push({ ...envelope, raw, text: decodeQuotedPrintable(raw) });
      data = null;
      envelope = { from: "", to: [] };
      return reply("250 2.0.0 queued");
    }
    const [verb = "", ...rest] = line.split(" ");
    const arg = rest.join(" ");
    switch (verb.toUpperCase()) {
      case "EHLO":
        return reply("250-localhost\r\n250 8BITMIME");
      case "HELO":
      case "RSET":
      case "NOOP":
        return reply("250 OK");
      case "MAIL":
        envelope = { from: address(arg.slice(arg.indexOf(":") + 1)), to: [] };
        return reply("250 OK");
      case "RCPT":
        envelope.to.push(address(arg.slice(arg.indexOf(":") + 1)));
        return reply("250 OK");
      case "DATA":
        data = [];
        return reply("354 end with <CRLF>.<CRLF>");
      case "QUIT":
        reply("221 bye");
        return void socket.end();
      default:
        return reply("502 5.5.1 unrecognized command");
    }
  };
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    let at: number;
    while ((at = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      handle(line);
    }
  });
  socket.on("error", () => socket.destroy());
  reply("220 localhost ESMTP test receiver");
}

/** A real SMTP server on a random loopback port that keeps every message it is given. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serve(socket, messages);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  };
}
