import { startClusterNode } from "./nodes";
import type { NodeProcessConfig } from "./node-process";

// The parent going away (its end of stdin closes) ends this node too.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();

const config = JSON.parse(process.env.SB_TEST_NODE ?? "null") as NodeProcessConfig | null;
if (!config) throw new Error("SB_TEST_NODE is not set: start this file through startNodeProcess");
const node = await startClusterNode(config);
process.stdout.write(`${JSON.stringify({ port: node.port, nodeId: node.nodeId })}\n`);
