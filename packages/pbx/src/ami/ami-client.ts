import { randomUUID } from "node:crypto";
import { Socket } from "node:net";
import type { EgressGuard } from "@switchboard/egress";
import { actionIdOf, field, type AmiMessage } from "./ami-message";
import { AmiActionError, AmiAuthError } from "./ami-errors";
import { AmiLimitError, resolveAmiLimits, type AmiLimits } from "./ami-limits";
import { formatAction } from "./format-action";
import { AmiFrameParser } from "./frame-parser";

export interface ActionResult {
  response: AmiMessage;
  /** Events of a list action (EventList: start … Complete), the completion event excluded. */
  events: AmiMessage[];
  complete?: AmiMessage;
}

interface Pending {
  action: string;
  response?: AmiMessage;
  events: AmiMessage[];
  /** Runs synchronously in the read loop, before any later message is dispatched. */
  onDone?: (result: ActionResult) => void;
  resolve(result: ActionResult): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export interface AmiClientOptions {
  host: string;
  port: number;
  username: string;
  secret: string;
  connectTimeoutMs?: number;
  actionTimeoutMs?: number;
  /** Decides, right before connecting, whether the host may be reached, and to which address. */
  egress: EgressGuard;
  limits?: Partial<AmiLimits>;
}

/**
 * One logged-in AMI session over TCP. Actions carry a fresh ActionID and resolve with their
 * response (and, for list actions, the events up to the EventList completion). Every message is
 * dispatched in wire order to `onMessage` first, so list results and live events keep their order.
 * A PBX past one of the `AmiLimits` is disconnected; `onClose` gets the AmiLimitError.
 */
export class AmiClient {
  readonly limits: AmiLimits;
  readonly parser: AmiFrameParser;
  /** The most the parser held at once for incomplete frames. */
  peakBufferedBytes = 0;
  private socket: Socket | undefined;
  private readonly pending = new Map<string, Pending>();
  private closedHandlers: ((error: Error | undefined) => void)[] = [];
  private closed = false;

  constructor(
    private readonly options: AmiClientOptions,
    private readonly onMessage: (message: AmiMessage) => void
  ) {
    this.limits = resolveAmiLimits(options.limits);
    this.parser = new AmiFrameParser(this.limits);
  }

  /** Connects and logs in; rejects with AmiAuthError for refused credentials. */
  async connect(): Promise<void> {
    // Resolved and checked now, and connected to that very address: no second lookup to rebind.
    const target = await this.options.egress.check(this.options.host, this.options.port);
    const socket = new Socket();
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${this.options.host}:${this.options.port} timed out`));
      }, this.options.connectTimeoutMs ?? 10_000);
      socket.once("connect", () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.connect(this.options.port, target.address);
    }).catch((error: unknown) => {
      this.closed = true;
      throw error;
    });
    socket.setKeepAlive(true, 30_000);
    socket.on("error", () => undefined);
    socket.on("close", () => this.handleClose(new Error("connection closed by the PBX")));
    try {
      await this.send("Login", { Username: this.options.username, Secret: this.options.secret, Events: "on" });
    } catch (error) {
      this.close();
      if (error instanceof AmiActionError && /auth/i.test(error.message)) throw new AmiAuthError(error.message);
      throw error;
    }
  }

  /** Sends an action; resolves on "Response: Success" (and list completion), rejects on "Error". */
  send(action: string, fields: Record<string, string | undefined> = {}, onDone?: (result: ActionResult) => void): Promise<ActionResult> {
    const socket = this.socket;
    if (!socket || this.closed) return Promise.reject(new AmiActionError(action, "not connected to the PBX"));
    if (this.pending.size >= this.limits.maxPendingActions) {
      return Promise.reject(this.fail(new AmiLimitError("maxPendingActions", `more than ${this.limits.maxPendingActions} actions unanswered by the PBX`)));
    }
    if (socket.writableLength > this.limits.maxQueuedWriteBytes) {
      return Promise.reject(this.fail(new AmiLimitError("maxQueuedWriteBytes", `more than ${this.limits.maxQueuedWriteBytes} bytes the PBX does not read`)));
    }
    const actionId = randomUUID();
    return new Promise<ActionResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(actionId);
        reject(new AmiActionError(action, `${action} got no answer from the PBX`));
      }, this.options.actionTimeoutMs ?? 15_000);
      this.pending.set(actionId, { action, events: [], onDone, resolve, reject, timer });
      socket.write(formatAction(action, actionId, fields));
    });
  }

  onClose(handler: (error: Error | undefined) => void): void {
    this.closedHandlers.push(handler);
  }

  close(): void {
    if (this.closed) return;
    this.socket?.destroy();
    this.handleClose(undefined);
  }

  /** Drops the connection because the PBX went past a limit; `onClose` handlers get the error. */
  fail(error: AmiLimitError): AmiLimitError {
    if (this.closed) return error;
    this.socket?.destroy();
    this.handleClose(error);
    return error;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    const messages = this.parser.push(chunk);
    this.peakBufferedBytes = Math.max(this.peakBufferedBytes, this.parser.bufferedBytes);
    const violation = this.parser.violation;
    if (violation) return void this.fail(new AmiLimitError(violation.limit, `the PBX sent ${violation.message}`));
    for (const message of messages) {
      // A limit reached by an earlier message of this read ends the connection: nothing more is dispatched.
      if (this.closed) return;
      this.onMessage(message);
      this.correlate(message);
    }
  }

  private correlate(message: AmiMessage): void {
    const id = actionIdOf(message);
    const pending = id === undefined ? undefined : this.pending.get(id);
    if (!pending || id === undefined || message.kind === "action") return;
    if (message.kind === "response") {
      pending.response = message;
      if (message.name.toLowerCase() !== "success") {
        return this.settle(id, pending, new AmiActionError(pending.action, field(message, "Message") ?? `${pending.action} failed`));
      }
      if ((field(message, "EventList") ?? "").toLowerCase() !== "start") this.settle(id, pending);
      return;
    }
    const list = (field(message, "EventList") ?? "").toLowerCase();
    if (list === "complete" || list === "cancelled") return this.settle(id, pending, undefined, message);
    if (pending.events.length >= this.limits.maxListEvents) {
      return void this.fail(new AmiLimitError("maxListEvents", `the PBX answered ${pending.action} with more than ${this.limits.maxListEvents} events`));
    }
    pending.events.push(message);
  }

  private settle(id: string, pending: Pending, error?: Error, complete?: AmiMessage): void {
    clearTimeout(pending.timer);
    this.pending.delete(id);
    if (error || !pending.response) {
      pending.reject(error ?? new AmiActionError(pending.action, "answer without a response"));
      return;
    }
    const result: ActionResult = { response: pending.response, events: pending.events, complete };
    try {
      pending.onDone?.(result);
    } finally {
      pending.resolve(result);
    }
  }

  private handleClose(error: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.reject(new AmiActionError(pending.action, "connection to the PBX closed"));
    }
    const handlers = this.closedHandlers;
    this.closedHandlers = [];
    for (const handler of handlers) handler(error);
  }
}
