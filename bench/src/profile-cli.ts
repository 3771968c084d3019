import { summarizeProfiles } from "./report/profile-summary";

/** `npm run profile:summary -w @switchboard/bench -- <dir>`: self time of every .cpuprofile in a folder. */
const dir = process.argv[2];
if (!dir) {
  console.error("usage: profile:summary <directory with .cpuprofile files>");
  process.exit(1);
}
for (const summary of summarizeProfiles(dir)) {
  console.log(`\n${summary.file} (${summary.durationMs} ms)\n\nself time by origin:`);
  for (const o of summary.origins) console.log(`  ${o.origin.padEnd(48)} ${String(o.selfMs).padStart(8)} ms ${String(o.percent).padStart(5)} %`);
  console.log("\nhottest functions (self time):");
  for (const f of summary.functions)
    console.log(`  ${f.name.slice(0, 40).padEnd(40)} ${f.where.slice(0, 80).padEnd(80)} ${String(f.selfMs).padStart(7)} ms ${String(f.percent).padStart(5)} %`);
}
