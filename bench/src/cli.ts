import { parseCli, USAGE } from "./cli-options";
import { installInterruptHandlers } from "./interrupt";
import { resultsDir } from "./paths";
import { textTable } from "./report/format";
import { consolePrinter } from "./report/progress";
import { scenarioRows, targetRows } from "./report/scenario-table";
import { pageRows, topicRows } from "./report/topics-table";
import { writeReport } from "./report/write-report";
import { runBench } from "./run-bench";
import { isCorrect } from "./scenarios/evaluate";

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  installInterruptHandlers();
  const print = consolePrinter(options.quiet);
  const outDir = options.outDir ?? resultsDir;
  const report = await runBench({
    scenarios: options.scenarios,
    overrides: options.overrides,
    resultsDir: outDir,
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    print
  });
  let failed = false;
  for (const run of report.scenarios) {
    console.log(`\n## ${run.params.title}\n`);
    console.log(textTable(scenarioRows(run)));
    console.log("");
    console.log(textTable(targetRows(run)));
    for (const rows of [topicRows(run), pageRows(run)]) if (rows) console.log(`\n${textTable(rows)}`);
    if (run.error || (run.ours && !isCorrect(run.ours)) || (run.control && !isCorrect(run.control))) failed = true;
  }
  const files = writeReport(report, outDir);
  console.log(`\nreport: ${files.markdown}\n        ${files.json}`);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
