import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures");

function fixturePath(name: string): string {
  return path.join(dir, name);
}

/** Raw AMI text of a fixture in packages/pbx/fixtures. */
export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}

/** A fixture's frames as field lists, keys as written (for the fake server's list answers). */
export function readFixtureFrames(name: string): Record<string, string>[] {
  return readFixture(name)
    .split(/\r?\n\r?\n/)
    .map((frame) => frame.trim())
    .filter(Boolean)
    .map((frame) => Object.fromEntries(frame.split(/\r?\n/).map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1).trim()])));
}

const LIST_OF: Record<string, string> = {
  CoreShowChannel: "CoreShowChannels",
  QueueSummary: "QueueSummary",
  QueueParams: "QueueStatus",
  QueueMember: "QueueStatus",
  QueueEntry: "QueueStatus"
};

/** A fixture of list items (CoreShowChannel, QueueSummary, QueueParams, QueueMember, QueueEntry) as the fake server's lists. */
export function readListFixture(name: string): Record<string, Record<string, string>[]> {
  const lists: Record<string, Record<string, string>[]> = {};
  for (const frame of readFixtureFrames(name)) {
    const list = LIST_OF[frame.Event ?? ""];
    if (list) (lists[list] ??= []).push(frame);
  }
  return lists;
}
