import { RedisEventLog } from "@switchboard/events";
import { pino } from "pino";

/**
 * A Redis subscriber in a process of its own, as a realtime node reads the log: the relay probe
 * forks it (`subscriber-process.ts <redis url>`, with IPC) so that when an event reaches Redis is
 * not measured through the writer's busy event loop. It answers "stop" with each event's arrival
 * on the machine's monotonic clock (`process.hrtime`, shared by every process), then exits.
 */
const [redisUrl] = process.argv.slice(2);
const send = process.send?.bind(process);
if (!redisUrl || !send) throw new Error("fork with IPC: subscriber-process.ts <redis url>");
const log = new RedisEventLog({ url: redisUrl, keyPrefix: "probe", logger: pino({ level: "warn" }) });
await log.start();
const arrivals: [key: string, atNs: string][] = [];
log.subscribe((e) => {
  arrivals.push([`${e.orgId}:${e.seq}`, process.hrtime.bigint().toString()]);
});
process.on("message", (message) => {
  if (message !== "stop") return;
  void log.close().then(() => send({ arrivals }, () => process.exit(0)));
});
send("ready");
