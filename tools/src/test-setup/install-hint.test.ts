import { describe, expect, it } from "vitest";
import { formatMissing, installSteps, type Missing } from "./install-hint";

const all: Missing[] = [
  { need: "postgresql", detail: "nothing usable at postgresql://root@127.0.0.1:5432/test" },
  { need: "redis", detail: "redis-server is not on the PATH" },
  { need: "chromium", detail: "no chromium found" }
];

describe("formatMissing", () => {
  it("names each missing piece and gives one apt-get line for all of them", () => {
    const message = formatMissing(all, { family: "debian", root: false });
    expect(message.split("\n")).toEqual([
      "The tests need PostgreSQL, Redis and Chromium, which this machine does not have:",
      "  - PostgreSQL: nothing usable at postgresql://root@127.0.0.1:5432/test",
      "  - Redis: redis-server is not on the PATH",
      "  - Chromium: no chromium found",
      "Install them with:",
      "  sudo apt-get install -y postgresql redis-server chromium",
      "Then run npm test again."
    ]);
  });

  it("leaves sudo out for root, and uses Ubuntu's Chromium package there", () => {
    expect(formatMissing(all.slice(1, 2), { family: "debian", root: true })).toContain("Install it with:\n  apt-get install -y redis-server\n");
    expect(formatMissing(all, { family: "ubuntu", root: false })).toContain("  sudo apt-get install -y postgresql redis-server chromium-browser\n");
  });

  it("gives Homebrew's commands on macOS and plain words where the package manager is unknown", () => {
    expect(formatMissing(all, { family: "macos", root: false })).toContain("  brew install postgresql@17 redis && brew install --cask google-chrome\n");
    expect(formatMissing(all.slice(2), { family: "macos", root: false })).toContain("  brew install --cask google-chrome\n");
    expect(formatMissing(all, { family: "other", root: false })).toContain("with your system's package manager");
  });
});

describe("installSteps", () => {
  it("refreshes apt's lists first when asked (what --install runs)", () => {
    expect(installSteps(["chromium", "chromium"], { family: "debian", root: true }, { refresh: true })).toEqual([
      ["apt-get", "update"],
      ["apt-get", "install", "-y", "chromium"]
    ]);
    expect(installSteps([], { family: "debian", root: true })).toEqual([]);
  });
});
