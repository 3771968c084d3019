import { StringDecoder } from "node:string_decoder";
import type { AmiMessage } from "./ami-message";

export interface ParserStats {
  frames: number;
  garbageLines: number;
  malformedFrames: number;
  oversizedFrames: number;
}

const MAX_LINE_CHARS = 64 * 1024;
const MAX_FRAME_LINES = 2_000;

/**
 * Streaming AMI framing: feed it whatever the socket delivers (half a line, several frames at
 * once) and it returns the complete messages. Frames end with an empty line ("\r\n\r\n"); a bare
 * "\n" is tolerated. The first line of a connection is the banner ("Asterisk Call Manager/x.y").
 * Lines that are not "Key: value" are counted and skipped, frames with no Event, Response or Action
 * are counted and dropped, and runaway input is cut off: it never throws.
 */
export class AmiFrameParser {
  readonly stats: ParserStats = { frames: 0, garbageLines: 0, malformedFrames: 0, oversizedFrames: 0 };
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  private lines: [string, string][] = [];
  private bannerExpected = true;
  private discarding = false;

  push(chunk: Buffer | string): AmiMessage[] {
    this.pending += typeof chunk === "string" ? chunk : this.decoder.write(chunk);
    const out: AmiMessage[] = [];
    let start = 0;
    for (;;) {
      const end = this.pending.indexOf("\n", start);
      if (end === -1) break;
      const line = this.pending.slice(start, end).replace(/\r$/, "");
      start = end + 1;
      const message = this.takeLine(line);
      if (message) out.push(message);
    }
    this.pending = this.pending.slice(start);
    if (this.pending.length > MAX_LINE_CHARS) {
      // A "line" this long is not AMI; drop it and the frame it belongs to.
      this.pending = "";
      this.dropFrame();
    }
    return out;
  }

  private takeLine(line: string): AmiMessage | undefined {
    if (this.bannerExpected) {
      this.bannerExpected = false;
      if (!line.includes(": ") && /call manager/i.test(line)) {
        return { kind: "banner", name: line.trim(), fields: {}, variables: {} };
      }
    }
    if (line.trim() === "") {
      if (this.discarding) {
        this.discarding = false;
        return undefined;
      }
      return this.lines.length > 0 ? this.finishFrame() : undefined;
    }
    if (this.discarding) return undefined;
    const colon = line.indexOf(":");
    if (colon <= 0) {
      this.stats.garbageLines++;
      return undefined;
    }
    const key = line.slice(0, colon).trim();
    if (!/^[A-Za-z0-9_-]+$/.test(key)) {
      this.stats.garbageLines++;
      return undefined;
    }
    this.lines.push([key.toLowerCase(), line.slice(colon + 1).replace(/^ /, "")]);
    if (this.lines.length > MAX_FRAME_LINES) this.dropFrame();
    return undefined;
  }

  private dropFrame(): void {
    this.stats.oversizedFrames++;
    this.lines = [];
    this.discarding = true;
  }

  private finishFrame(): AmiMessage | undefined {
    const fields: Record<string, string> = {};
    const variables: Record<string, string> = {};
    for (const [key, value] of this.lines) {
      if (key === "chanvariable") {
        const eq = value.indexOf("=");
        if (eq > 0) variables[value.slice(0, eq)] = value.slice(eq + 1);
        continue;
      }
      if (!(key in fields)) fields[key] = value;
    }
    this.lines = [];
    if (fields.event !== undefined) {
      this.stats.frames++;
      return { kind: "event", name: fields.event, fields, variables };
    }
    if (fields.response !== undefined) {
      this.stats.frames++;
      return { kind: "response", name: fields.response, fields, variables };
    }
    if (fields.action !== undefined) {
      // What a client sends; only a server (the fake PBX in tests) reads these.
      this.stats.frames++;
      return { kind: "action", name: fields.action, fields, variables };
    }
    this.stats.malformedFrames++;
    return undefined;
  }
}
