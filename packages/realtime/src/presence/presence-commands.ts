import type { Redis } from "ioredis";
import type { PresenceKeys } from "./presence-keys";
import { PRESENCE_CHANGE_LUA, PRESENCE_LIST_LUA } from "./presence-script";
import type { PresenceState } from "./presence-store";

type ChangeScript = (
  tabs: string,
  heartbeat: string,
  users: string,
  version: string,
  dels: string,
  prefix: string,
  sets: string,
  mode: string
) => Promise<[string[], string[], number, string]>;

type ListScript = (version: string, tabs: string) => Promise<[string, string[]]>;

/** The connection with the commands defineCommand added to it. */
type WithScripts = Redis & { sbPresenceChange: ChangeScript; sbPresenceList: ListScript };

export type ChangeResult = { joined: string[]; left: string[]; state: PresenceState };

export interface ChangeOp {
  dels?: string[];
  /** Delete every tab whose field starts with this (a whole node's tabs). */
  prefix?: string;
  sets?: Record<string, string>;
  /** A sweep of this dead node: nothing happens if its heartbeat is back. */
  sweepNode?: string;
}

/** The presence scripts on one connection (EVALSHA, auto-pipelined like any command). */
export class PresenceCommands {
  private readonly redis: WithScripts;

  constructor(
    redis: Redis,
    private readonly keys: PresenceKeys,
    private readonly nodeId: string
  ) {
    redis.defineCommand("sbPresenceChange", { numberOfKeys: 4, lua: PRESENCE_CHANGE_LUA });
    redis.defineCommand("sbPresenceList", { numberOfKeys: 2, lua: PRESENCE_LIST_LUA });
    this.redis = redis as WithScripts;
  }

  /** One atomic change of an organization's tabs, and who appeared or disappeared because of it. */
  async change(orgId: string, op: ChangeOp): Promise<ChangeResult> {
    const [joined, left, total, version] = await this.redis.sbPresenceChange(
      this.keys.tabs(orgId),
      this.keys.heartbeat(op.sweepNode ?? this.nodeId),
      this.keys.users(orgId),
      this.keys.version(orgId),
      JSON.stringify(op.dels ?? []),
      op.prefix ?? "",
      JSON.stringify(op.sets ?? {}),
      op.sweepNode ? "sweep" : ""
    );
    return { joined, left, state: { total, version: Number(version) } };
  }

  /** An organization's tab values and the version of exactly those tabs. */
  async list(orgId: string): Promise<{ version: number; tabs: string[] }> {
    const [version, tabs] = await this.redis.sbPresenceList(this.keys.version(orgId), this.keys.tabs(orgId));
    return { version: Number(version), tabs };
  }
}
