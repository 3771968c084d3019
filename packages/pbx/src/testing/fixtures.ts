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
