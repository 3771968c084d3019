import type { DbClient, PbxConnectionStatus } from "@switchboard/db";

/**
 * Writes the connection's health through the hooked client (so consoles get pbx.status_changed),
 * but only when it changes: a connector retrying every minute must not flood the event log.
 */
export class ConnectionStatusWriter {
  private last: { status: PbxConnectionStatus; lastError: string | null } | undefined;

  constructor(
    private readonly db: DbClient,
    private readonly connectionId: string,
    private readonly onChange: (status: PbxConnectionStatus) => void = () => undefined
  ) {}

  current(): PbxConnectionStatus | undefined {
    return this.last?.status;
  }

  async write(status: PbxConnectionStatus, lastError: string | null): Promise<void> {
    if (this.last?.status === status && this.last.lastError === lastError) return;
    const now = new Date();
    await this.db.pbxConnection.update({
      where: { id: this.connectionId },
      data: { status, lastError, statusChangedAt: now, ...(status === "connected" ? { lastConnectedAt: now } : {}) }
    });
    this.last = { status, lastError };
    this.onChange(status);
  }
}
