/**
 * Saturation (B): reports [orgId, seq] once every receiving console of this worker has the event,
 * batched per turn of the event loop.
 */
export class CompletionCounter {
  private readonly receiversPerOrg = new Map<string, number>();
  private readonly counts = new Map<string, Map<number, number>>();
  private batch: Array<[string, number]> = [];
  on = false;

  constructor(private readonly report: (items: Array<[string, number]>) => void) {}

  addReceiver(orgId: string): void {
    this.receiversPerOrg.set(orgId, (this.receiversPerOrg.get(orgId) ?? 0) + 1);
  }

  switch(on: boolean): void {
    this.on = on;
    this.counts.clear();
  }

  delivered(orgId: string, seq: number): void {
    let org = this.counts.get(orgId);
    if (!org) {
      org = new Map();
      this.counts.set(orgId, org);
    }
    const n = (org.get(seq) ?? 0) + 1;
    if (n < (this.receiversPerOrg.get(orgId) ?? 0)) {
      org.set(seq, n);
      return;
    }
    org.delete(seq);
    if (this.batch.length === 0) setImmediate(() => this.flush());
    this.batch.push([orgId, seq]);
  }

  private flush(): void {
    const items = this.batch;
    this.batch = [];
    if (items.length) this.report(items);
  }
}
