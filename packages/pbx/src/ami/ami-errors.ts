/** The PBX refused the credentials: retrying with the same ones cannot help. */
export class AmiAuthError extends Error {
  constructor(message = "authentication failed") {
    super(message);
    this.name = "AmiAuthError";
  }
}

/** An action was answered with "Response: Error", or could not be answered. */
export class AmiActionError extends Error {
  constructor(
    public readonly action: string,
    message: string
  ) {
    super(message);
    this.name = "AmiActionError";
  }
}
