import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, it } from "vitest";
import { layoutPlugin, workspaceOf } from "./layout.js";

// RuleTester runs its cases through the test framework's hooks when they are set on it.
Object.assign(RuleTester, { afterAll, describe, it, itOnly: it.only });

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2024, sourceType: "module" } });
const rule = layoutPlugin.rules.layout;
const web = "/repo/apps/web/src/features/calls/components/board.tsx";
const pkg = "/repo/packages/db/src/services/calls.ts";

describe("workspaceOf", () => {
  it("finds the workspace folder of a file", ({ expect }) => {
    expect(workspaceOf(web)).toBe("/repo/apps/web");
    expect(workspaceOf("/repo/bench/src/cli.ts")).toBe("/repo/bench");
    expect(workspaceOf("/repo/tools/src/test-setup/main.ts")).toBe("/repo/tools");
    expect(workspaceOf("/repo/README.md")).toBeNull();
  });
});

tester.run("switchboard/layout", rule, {
  valid: [
    { filename: pkg, code: 'import { z } from "zod"; import { x } from "../views/call-view";' },
    { filename: web, code: 'import { getRuntime } from "@/server/runtime"; import { listCalls } from "@switchboard/db";' },
    {
      filename: web,
      code: '"use client";\nimport type { CallView } from "@switchboard/contracts";\nimport type { CallBoardData } from "../server/load-calls";'
    },
    { filename: web, code: '"use client";\nimport { useState } from "react";\nimport { Button } from "@/components/ui/button";' }
  ],
  invalid: [
    { filename: pkg, code: 'import { main } from "@switchboard/web";', errors: [{ message: /is an app/ }] },
    { filename: web, code: 'import { startNode } from "@switchboard/realtime-node";', errors: [{ message: /is an app/ }] },
    { filename: pkg, code: 'import { env } from "../../../../apps/web/src/env";', errors: [{ message: /reaches into another workspace/ }] },
    { filename: web, code: 'export { x } from "../../../../../packages/db/src/index";', errors: [{ message: /reaches into another workspace/ }] },
    { filename: web, code: '"use client";\nimport type { UserOption } from "@switchboard/db";', errors: [{ message: /server package @switchboard\/db/ }] },
    { filename: web, code: '"use client";\nimport { canReadCalls } from "@switchboard/auth";', errors: [{ message: /server package @switchboard\/auth/ }] },
    { filename: web, code: '"use client";\nimport "server-only";', errors: [{ message: /server-only/ }] },
    { filename: web, code: '"use client";\nimport { readFileSync } from "node:fs";', errors: [{ message: /Node built-in/ }] },
    { filename: web, code: '"use client";\nimport { loadCalls } from "../server/load-calls";', errors: [{ message: /only types from server modules/ }] },
    { filename: web, code: '"use client";\nconst m = import("@switchboard/pbx");', errors: [{ message: /server package @switchboard\/pbx/ }] }
  ]
});
