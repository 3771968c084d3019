/**
 * One AMI message: an event, an action response, or the connection banner. Keys are lower-cased
 * because AMI keys are case-insensitive ("ActionID" and "ActionId" both occur in the wild); the
 * first occurrence of a repeated key wins, and repeated `ChanVariable: name=value` lines are
 * gathered in `variables`.
 */
export interface AmiMessage {
  kind: "event" | "response" | "action" | "banner";
  /** Event name (e.g. "Newchannel"), response status ("Success", "Error"), action name or banner text. */
  name: string;
  fields: Readonly<Record<string, string>>;
  variables: Readonly<Record<string, string>>;
}

export function field(message: AmiMessage, key: string): string | undefined {
  return message.fields[key.toLowerCase()];
}

/** Asterisk writes "<unknown>" for caller id parts it does not know; treat that as absent. */
export function knownValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === "" || trimmed === "<unknown>" ? undefined : trimmed;
}

export function actionIdOf(message: AmiMessage): string | undefined {
  return message.fields.actionid;
}
