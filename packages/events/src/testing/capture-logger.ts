import { Writable } from "node:stream";
import { pino, type Logger } from "pino";

export interface CapturedLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A real pino logger whose JSON lines are kept in memory, so tests can assert on what was logged. */
export function captureLogger(level: pino.Level = "debug"): { logger: Logger; lines: CapturedLine[] } {
  const lines: CapturedLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(JSON.parse(line) as CapturedLine);
      callback();
    }
  });
  return { logger: pino({ level }, sink), lines };
}
