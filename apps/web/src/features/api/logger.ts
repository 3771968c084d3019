import { pino, type Logger } from "pino";
import { getRuntime } from "@/server/runtime";

let logger: Logger | undefined;

function configuredLevel(): string {
  try {
    return getRuntime().config.logLevel;
  } catch {
    // Logging must work even when the runtime cannot start (that failure is what gets logged).
    return "info";
  }
}

/** The API's pino logger, created on first use so the level comes from the validated config. */
export function getApiLogger(): Logger {
  logger ??= pino({ name: "web.api", level: configuredLevel() });
  return logger;
}
