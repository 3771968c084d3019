import type { CallDirection, CallResult, DeviceState, RegistrationState, TrunkRegistration } from "@switchboard/contracts";

// The tracker's operations: what every ingestion path (AMI, signed webhooks, simulator) reduces
// PBX activity to. Webhook bodies are validated at the edge (webhook-body.ts) and mapped to these.

/** A party by number (extension number, external number) with an optional display name. */
export type Party = {
  number: string;
  name?: string | null | undefined;
  /** Known when the source already resolved the extension (AMI endpoints). */
  extensionId?: string | undefined;
};

type Base = { callId: string; at: Date };

export type CallOp = Base &
  (
    | {
        op: "start";
        direction: CallDirection;
        from: Party;
        to: Party;
        did?: string | null | undefined;
        /** Trunk by id (AMI) or by name (webhooks). */
        trunkId?: string | undefined;
        trunk?: string | null | undefined;
        queue?: string | null | undefined;
      }
    | { op: "ring"; target: Party }
    | { op: "answer"; by?: Party | undefined }
    | { op: "hold"; by?: Party | undefined }
    | { op: "resume" }
    | { op: "transfer"; kind: "blind" | "attended"; to: Party; by?: Party | undefined }
    | {
        op: "end";
        cause?: string | null | undefined;
        causeCode?: number | null | undefined;
        hungUpBy?: string | null | undefined;
        /** When the source knows better than "answered if it was answered, else missed". */
        result?: CallResult | undefined;
      }
    | {
        op: "update";
        detail: string;
        direction?: CallDirection | undefined;
        trunkId?: string | undefined;
        trunk?: string | null | undefined;
        queue?: string | null | undefined;
        fromName?: string | null | undefined;
      }
  );

export type StatusOp =
  | {
      op: "extension_status";
      at: Date;
      /** Extension number or SIP endpoint name. */
      extension: string;
      extensionId?: string | undefined;
      registration?: RegistrationState | undefined;
      contact?: string | null | undefined;
      userAgent?: string | null | undefined;
      deviceState?: Exclude<DeviceState, "dnd"> | undefined;
      dnd?: boolean | undefined;
    }
  | {
      op: "trunk_status";
      at: Date;
      trunk: string;
      trunkId?: string | undefined;
      registration: TrunkRegistration;
      detail?: string | null | undefined;
    };
