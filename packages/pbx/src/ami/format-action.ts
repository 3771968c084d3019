/** Values must not smuggle extra lines (and so extra fields or actions) into the stream. */
function sanitize(value: string): string {
  return value.replace(/[\r\n]+/g, " ");
}

/** Serializes an action; fields whose value is undefined are left out. */
export function formatAction(action: string, actionId: string, fields: Record<string, string | undefined> = {}): string {
  let text = `Action: ${sanitize(action)}\r\nActionID: ${sanitize(actionId)}\r\n`;
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) text += `${key}: ${sanitize(value)}\r\n`;
  }
  return `${text}\r\n`;
}

/** Serializes an event or response the way Asterisk writes them (used by the fake server and the simulator). */
export function formatMessage(fields: Record<string, string | undefined>): string {
  let text = "";
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) text += `${key}: ${sanitize(value)}\r\n`;
  }
  return `${text}\r\n`;
}
