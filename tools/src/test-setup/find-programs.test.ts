import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium, findOnPath, findPostgresBinDir, findRedisServer } from "./find-programs";

const scratch = mkdtempSync(path.join(tmpdir(), "sb-find-programs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function program(dir: string, name: string, executable = true): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, "#!/bin/sh\n");
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

describe("finding programs", () => {
  it("searches the PATH in order and skips files that are not executable", () => {
    const a = path.join(scratch, "a");
    const b = path.join(scratch, "b");
    program(a, "redis-server", false);
    const wanted = program(b, "redis-server");
    expect(findOnPath("redis-server", [a, b].join(path.delimiter))).toBe(wanted);
    expect(findRedisServer({ redisServerBin: undefined, path: a })).toBeUndefined();
    expect(findRedisServer({ redisServerBin: path.join(a, "redis-server"), path: b })).toBeUndefined();
  });

  it("finds PostgreSQL's server programs beside initdb's real file, in TEST_PG_BINDIR only when it is set, or in the usual places", () => {
    const real = path.join(scratch, "pg", "16", "bin");
    program(real, "initdb");
    program(real, "postgres");
    const linked = path.join(scratch, "linked");
    mkdirSync(linked);
    symlinkSync(path.join(real, "initdb"), path.join(linked, "initdb"));
    expect(findPostgresBinDir({ pgBinDir: undefined, path: linked }, [])).toBe(real);
    expect(findPostgresBinDir({ pgBinDir: undefined, path: "" }, [path.join(scratch, "nowhere"), real])).toBe(real);
    expect(findPostgresBinDir({ pgBinDir: path.join(scratch, "nowhere"), path: linked }, [real])).toBeUndefined();
    const clientOnly = path.join(scratch, "client-only");
    program(clientOnly, "initdb");
    expect(findPostgresBinDir({ pgBinDir: undefined, path: clientOnly }, [])).toBeUndefined();
  });

  it("finds Chromium by CHROMIUM_PATH, else by name on the PATH, else in the usual places", () => {
    const bin = path.join(scratch, "browsers");
    const chrome = program(bin, "google-chrome");
    const place = program(path.join(scratch, "opt"), "chromium");
    expect(findChromium({ chromiumPath: undefined, path: bin }, [place])).toBe(chrome);
    expect(findChromium({ chromiumPath: undefined, path: "" }, [path.join(scratch, "none"), place])).toBe(place);
    expect(findChromium({ chromiumPath: place, path: bin }, [])).toBe(place);
    expect(findChromium({ chromiumPath: path.join(scratch, "none"), path: bin }, [place])).toBeUndefined();
  });
});
