import { CALL_CONTROL_ERRORS, type CallControlRequest, type CallControlResult } from "../ami/call-control";

/** Longest a console waits for the PBX's answer to a hang-up or transfer. */
export const CALL_CONTROL_TIMEOUT_MS = 8_000;

/**
 * Where a web process sends call control: to the ConnectorSupervisor in its own process
 * (embedded) or, over Redis, to the one running in `npm run connect` (cluster). Either way the
 * answer is a CallControlResult, never a throw.
 */
export interface CallControlGateway {
  readonly kind: "in-process" | "redis" | "off";
  control(orgId: string, request: CallControlRequest): Promise<CallControlResult>;
  /** Tells the connector that PBX connection settings changed, so it reconnects now. */
  refresh(): Promise<void>;
  close(): Promise<void>;
  /** True for an organization whose calls a simulator in this process plays (no AMI connection needed). */
  simulates?(orgId: string): boolean;
}

/** What answers call control for the organizations whose PBX it is connected to. */
export interface CallControlTarget {
  owns(orgId: string): boolean;
  control(orgId: string, request: CallControlRequest): Promise<CallControlResult>;
  refresh(): Promise<void>;
}

/** Resolves with `onTimeout` if `work` has not settled in time; a throw becomes `onError`. */
export function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: T, onError: (error: unknown) => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout), ms);
  });
  return Promise.race([work.catch(onError), timeout]).finally(() => clearTimeout(timer));
}

const failed = (): CallControlResult => ({ ok: false, code: "refused", error: "call control failed unexpectedly" });

/** The supervisor runs in this process: call it directly, bounded by the same timeout as over Redis. */
export function inProcessGateway(target: CallControlTarget, timeoutMs = CALL_CONTROL_TIMEOUT_MS): CallControlGateway {
  return {
    kind: "in-process",
    control: (orgId, request) => withTimeout(target.control(orgId, request), timeoutMs, CALL_CONTROL_ERRORS.timeout, failed),
    refresh: () => target.refresh(),
    close: async () => undefined
  };
}

/** No connector anywhere (PBX_CONNECTOR=off): every action says so. */
export function offGateway(): CallControlGateway {
  return { kind: "off", control: async () => CALL_CONTROL_ERRORS.notConnected, refresh: async () => undefined, close: async () => undefined };
}

/**
 * Call control for an organization the in-process simulator plays, in front of the real gateway:
 * the simulator answers for its calls; a call it does not know (e.g. from an AMI connection the
 * organization also has) goes on to the real PBX.
 */
export function withSimulatedOrg(
  gateway: CallControlGateway,
  orgId: string,
  simulator: { control(request: CallControlRequest): Promise<CallControlResult> },
  timeoutMs = CALL_CONTROL_TIMEOUT_MS
): CallControlGateway {
  return {
    kind: gateway.kind,
    simulates: (id) => id === orgId || (gateway.simulates?.(id) ?? false),
    async control(id, request) {
      if (id !== orgId) return gateway.control(id, request);
      const result = await withTimeout(simulator.control(request), timeoutMs, CALL_CONTROL_ERRORS.timeout, failed);
      return !result.ok && result.code === "call_ended" ? gateway.control(id, request) : result;
    },
    refresh: () => gateway.refresh(),
    close: () => gateway.close()
  };
}
