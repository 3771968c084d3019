import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface LuaScript {
  lua: string;
  sha: string;
}

export function luaScript(lua: string): LuaScript {
  return { lua, sha: createHash("sha1").update(lua).digest("hex") };
}

/**
 * Runs a script by its SHA (EVALSHA, one command: auto-pipelined with whatever else the connection
 * sends in the same tick), loading it with EVAL when the server does not know it yet.
 */
export async function runScript(redis: Redis, script: LuaScript, keys: readonly string[], args: readonly string[] = []): Promise<unknown> {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("NOSCRIPT")) throw error;
    return await redis.eval(script.lua, keys.length, ...keys, ...args);
  }
}
