import type { TopicFamily } from "@switchboard/contracts";
import type { ConsoleSpec } from "../consoles/protocol";

/**
 * The deliveries the measured changes call for: each change × the consoles of its organization
 * that should get it — with the topics they named, and without topics (every console whose user
 * may see the change).
 */
export function expectedDeliveries(
  specs: readonly ConsoleSpec[],
  measured: ReadonlyMap<string, ReadonlyMap<TopicFamily, number>>
): { withTopics: number; withoutTopics: number } {
  const receivers = new Map<string, ConsoleSpec[]>();
  for (const spec of specs) {
    if (!spec.receives) continue;
    const list = receivers.get(spec.orgId);
    if (list) list.push(spec);
    else receivers.set(spec.orgId, [spec]);
  }
  let withTopics = 0;
  let withoutTopics = 0;
  for (const [orgId, families] of measured) {
    const consoles = receivers.get(orgId) ?? [];
    for (const [family, changes] of families) {
      withoutTopics += changes * consoles.length;
      withTopics += changes * consoles.filter((c) => !c.topics || c.topics.includes(family)).length;
    }
  }
  return { withTopics, withoutTopics };
}
