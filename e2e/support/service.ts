import { ManagedChild, type ChildSpec } from "./child-process";

export type ServiceName = "redis" | "web" | "realtime" | "worker";

export interface ServiceDefinition {
  spec: ChildSpec;
  /** Resolves once the process serves; rejects (with its output) if it does not in time. */
  waitReady(child: ManagedChild): Promise<void>;
}

/** One server of the stack that tests may stop and start again on the same port. */
export class Service {
  private child: ManagedChild | undefined;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(
    readonly name: ServiceName,
    private readonly definition: ServiceDefinition
  ) {}

  get pid(): number | undefined {
    return this.child?.alive ? this.child.pid : undefined;
  }

  get running(): boolean {
    return Boolean(this.child?.alive);
  }

  start(): Promise<void> {
    return this.serialize(async () => {
      if (this.child?.alive) return;
      const child = ManagedChild.start(this.definition.spec);
      this.child = child;
      try {
        await this.definition.waitReady(child);
      } catch (error) {
        await child.stop("SIGKILL");
        throw error;
      }
    });
  }

  /** SIGKILL by default: a node that dies without saying goodbye is the case recovery must handle. */
  stop(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    return this.serialize(async () => {
      await this.child?.stop(signal);
    });
  }

  // Control requests can overlap (a test and a fixture's cleanup); run them one at a time.
  private serialize(fn: () => Promise<void>): Promise<void> {
    const next = this.busy.then(fn, fn);
    this.busy = next.catch(() => undefined);
    return next;
  }
}
