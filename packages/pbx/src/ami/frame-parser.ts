import { StringDecoder } from "node:string_decoder";
import { DEFAULT_AMI_LIMITS, type AmiLimits } from "./ami-limits";
import type { AmiMessage } from "./ami-message";

export interface ParserStats {
  frames: number;
  garbageLines: number;
  malformedFrames: number;
  oversizedFrames: number;
}

/**
 * Streaming AMI framing: feed it whatever the socket delivers (half a line, several frames at
 * once) and it returns the complete messages. Frames end with an empty line ("\r\n\r\n"); a bare
 * "\n" is tolerated. The first line of a connection is the banner ("Asterisk Call Manager/x.y").
 * Lines that are not "Key: value" are counted and skipped, frames with no Event, Response or Action
 * are counted and dropped, and runaway input (a frame or unfinished line over `maxFrameBytes`, a
 * frame over `maxFrameLines`) is cut off, counted and named in `violation`: it never throws, and it
 * never holds more than about `maxFrameBytes` plus the chunk being read (`bufferedBytes`).
 */
export class AmiFrameParser {
  readonly stats: ParserStats = { frames: 0, garbageLines: 0, malformedFrames: 0, oversizedFrames: 0 };
  private readonly decoder = new StringDecoder("utf8");
  private pending = "";
  private lines: [string, string][] = [];
  private frameBytes = 0;
  private bannerExpected = true;
  private discarding = false;
  /** Why the last frame was cut off; the client drops a connection that sends one. */
  violation: { limit: "maxFrameBytes" | "maxFrameLines"; message: string } | undefined;

  constructor(private readonly limits: Pick<AmiLimits, "maxFrameBytes" | "maxFrameLines"> = DEFAULT_AMI_LIMITS) {}

  /** Characters held for frames not complete yet. */
  get bufferedBytes(): number {
    return this.pending.length + this.frameBytes;
  }

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
    if (this.pending.length + this.frameBytes > this.limits.maxFrameBytes) {
      // A "line" this long is not AMI; drop it and the frame it belongs to.
      this.pending = "";
      this.dropFrame("maxFrameBytes", `a frame of more than ${this.limits.maxFrameBytes} bytes`);
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
    this.frameBytes += line.length + 1;
    if (this.lines.length > this.limits.maxFrameLines) this.dropFrame("maxFrameLines", `a frame of more than ${this.limits.maxFrameLines} lines`);
    else if (this.frameBytes > this.limits.maxFrameBytes) this.dropFrame("maxFrameBytes", `a frame of more than ${this.limits.maxFrameBytes} bytes`);
    return undefined;
  }

  private dropFrame(limit: "maxFrameBytes" | "maxFrameLines", message: string): void {
    this.stats.oversizedFrames++;
    this.violation = { limit, message };
    this.lines = [];
    this.frameBytes = 0;
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
    this.frameBytes = 0;
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
