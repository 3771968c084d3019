import { createDatabase } from "@switchboard/db";
import { createRelay, RedisEventLog } from "@switchboard/events";
import { pino } from "pino";

/**
 * A relay in a process of its own, woken by PostgreSQL NOTIFY as the realtime tier's are: the relay
 * probe's `apart` mode forks it (`relay-process.ts <database url> <redis url>`, with IPC). It
 * answers "mark" by starting its CPU and round counts and "stop" with both since, then exits.
 */
const [databaseUrl, redisUrl] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!databaseUrl || !redisUrl || !send) throw new Error("fork with IPC: relay-process.ts <database url> <redis url>");
const logger = pino({ level: "warn" });
const database = createDatabase({ kind: "postgres", url: databaseUrl, poolSize: 4 });
const log = new RedisEventLog({ url: redisUrl, keyPrefix: "probe", logger });
await log.start();
const relay = createRelay({ database, log, logger });
relay.start();
let cpu = process.cpuUsage();
let roundsAtMark = 0;
process.on("message", (message) => {
  if (message === "mark") {
    cpu = process.cpuUsage();
    roundsAtMark = relay.stats().rounds;
  }
  if (message !== "stop") return;
  const used = process.cpuUsage(cpu);
  const rounds = relay.stats().rounds - roundsAtMark;
  void relay
    .stop()
    .then(() => log.close())
    .then(() => database.close())
    .then(() => send({ cpuMs: (used.user + used.system) / 1000, rounds }, () => process.exit(0)));
});
send("ready");
