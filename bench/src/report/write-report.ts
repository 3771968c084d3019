import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ScenarioRun } from "../scenarios/run-scenario";
import { fmtBytes, markdownTable } from "./format";
import type { MachineInfo } from "./machine";
import { scenarioRows, targetRows } from "./scenario-table";
import { mixLine, pageRows, topicRows } from "./topics-table";

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  commit: { hash: string; dirty: boolean };
  machine: MachineInfo;
  command: string;
  scenarios: ScenarioRun[];
}

function paramsLine(run: ScenarioRun): string {
  const p = run.params;
  const rate = p.rate === "saturate" ? `saturated (closed loop, ${p.window} changes undelivered at most)` : `${p.rate} changes/s`;
  const storm = p.storm ? `, offline ${p.storm.downtimeS} s then all reconnect, ${p.storm.afterS} s after` : "";
  const pages =
    p.mix === "pages"
      ? `, changes: ${mixLine(run)}, consoles on pages${p.topics ? " naming their topics" : ""}${p.control ? ", then ours again with consoles naming none" : ""}`
      : "";
  return `${p.consoles} consoles, ${p.orgs} orgs, ${rate}, ${p.durationS} s measured after ${p.warmupS} s warmup, ${p.nodes} realtime node(s), ${p.workers} console worker processes, payload ${p.payloadBytes || "natural (~0.6 KB)"}, writer: ${p.writer}, writer's relay: ${p.relay}${p.nice !== null ? `, processes at nice ${p.nice}` : ""}${p.nodeFlags.length ? `, node flags: ${p.nodeFlags.join(" ")}` : ""}${p.nodeRelay === "off" ? ", EXPERIMENT: nodes without their safety-net relay" : ""}${storm}${pages}`;
}

function renderMarkdown(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [
    `# Switchboard realtime benchmark`,
    "",
    `- Commit: \`${report.commit.hash}\`${report.commit.dirty ? " (with uncommitted changes)" : ""}`,
    `- Machine: ${m.cpuModel}, ${m.cores} cores, ${fmtBytes(m.memoryBytes)} RAM, ${m.platform} (kernel ${m.kernel}), Node ${m.node}`,
    `- Run: ${report.startedAt} → ${report.finishedAt}, \`${report.command}\``,
    `- Everything on this one machine: PostgreSQL, a private redis-server, the realtime node(s), the writer + relay and the console workers share the cores.`,
    ""
  ];
  for (const run of report.scenarios) {
    out.push(`## ${run.params.title}`, "", paramsLine(run), "", markdownTable(scenarioRows(run)), "", markdownTable(targetRows(run)), "");
    const topics = topicRows(run);
    if (topics) out.push("Topics: the same consoles and changes with and without the pages' topics:", "", markdownTable(topics), "");
    const pages = pageRows(run);
    if (pages) out.push("Per page (ours):", "", markdownTable(pages), "");
    const warnings = [
      ...(run.ours?.warnings ?? []).map((w) => `ours: ${w}`),
      ...(run.control?.warnings ?? []).map((w) => `ours without topics: ${w}`),
      ...(run.baseline?.warnings ?? []).map((w) => `baseline: ${w}`)
    ];
    for (const r of [run.ours, run.baseline]) {
      if (r && r.connect.errors > 0)
        warnings.push(
          `${r.system}: ${r.connect.errors} connect errors (retried): ${Object.entries(r.connect.errorReasons)
            .map(([k, v]) => `${k} × ${v}`)
            .join(", ")}`
        );
    }
    if (run.error) warnings.push(`error: ${run.error.split("\n")[0]}`);
    if (warnings.length) out.push("Warnings:", "", ...warnings.map((w) => `- ${w}`), "");
    for (const r of [run.ours, run.baseline]) {
      if (!r?.memory.heapDiff) continue;
      out.push(`Heap per console, ${r.system} (snapshot diff after/before connecting, after full GC):`, "");
      out.push(
        markdownTable([
          ["object", "count / console", "bytes / console"],
          ...r.memory.heapDiff.slice(0, 20).map((d) => [d.name, String(d.perConsoleCount), String(d.perConsoleBytes)])
        ]),
        ""
      );
    }
    for (const profile of run.profiles) {
      const phase = profile.phase ? `, ${profile.phase} phase` : "";
      out.push(
        `CPU profile of \`${path.basename(path.dirname(profile.file))}\`${phase}: ${profile.durationMs} ms, ${profile.busyMs} ms busy. Self time by origin:`,
        ""
      );
      out.push(markdownTable([["origin", "self ms", "%"], ...profile.origins.slice(0, 10).map((o) => [o.origin, String(o.selfMs), String(o.percent)])]), "");
      out.push("Hottest functions (self time):", "");
      out.push(
        markdownTable([
          ["function", "where", "self ms", "%"],
          ...profile.functions.slice(0, 15).map((f) => [f.name, f.where, String(f.selfMs), String(f.percent)])
        ]),
        ""
      );
    }
  }
  return out.join("\n");
}

/** JSON (everything) and markdown (the tables) under bench/results/, plus latest.* copies. */
export function writeReport(report: BenchReport, dir: string): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, "-").replace(/Z$/, "");
  const ids = report.scenarios.map((s) => s.params.id).join("");
  const base = path.join(dir, `${stamp}-${ids}`);
  const json = JSON.stringify(report, null, 2);
  const markdown = renderMarkdown(report);
  writeFileSync(`${base}.json`, json);
  writeFileSync(`${base}.md`, markdown);
  return { json: `${base}.json`, markdown: `${base}.md` };
}
