import { parseArgs } from "node:util";
import { z } from "zod";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** "20/min", "300/h", "0.5/s" or a bare number (per minute) → calls per minute. */
const rateSchema = z
  .string()
  .regex(/^\d+(\.\d+)?(\/(s|sec|min|m|h|hour))?$/, "rate must look like 20/min, 300/h or 2/s")
  .transform((value) => {
    const [amount = "0", unit = "min"] = value.split("/");
    const perUnit = Number(amount);
    return unit.startsWith("s") ? perUnit * 60 : unit.startsWith("h") ? perUnit / 60 : perUnit;
  })
  .refine((perMinute) => perMinute > 0 && perMinute <= 6_000, "rate must be above 0 and at most 100/s");

/** "5m", "30s", "2h", "1500ms" → milliseconds. */
const durationSchema = z
  .string()
  .regex(/^\d+(\.\d+)?(ms|s|m|h)$/, "duration must look like 30s, 5m or 2h")
  .transform((value) => {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value);
    return Number(match?.[1] ?? 0) * (UNIT_MS[match?.[2] ?? "s"] ?? 1_000);
  });

const simulateArgsSchema = z.object({
  org: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, "org must be an organization slug")
    .default("demo"),
  rate: rateSchema.default(20),
  duration: durationSchema.optional(),
  seed: z.coerce.number().int().nonnegative().default(1),
  speed: z.coerce.number().positive().default(1)
});
export type SimulateArgs = z.infer<typeof simulateArgsSchema>;

export function parseSimulateArgs(argv: string[]): SimulateArgs {
  const { values } = parseArgs({
    args: argv,
    options: { org: { type: "string" }, rate: { type: "string" }, duration: { type: "string" }, seed: { type: "string" }, speed: { type: "string" } },
    strict: true
  });
  return simulateArgsSchema.parse(values);
}
