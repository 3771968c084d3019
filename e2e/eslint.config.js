import base from "@switchboard/eslint-config/base";

export default [
  ...base,
  { ignores: ["test-results/**", "playwright-report/**", ".auth/**"] },
  // Playwright reads a fixture's dependencies from its destructuring pattern; `{}` means "none".
  { files: ["fixtures/**/*.ts"], rules: { "no-empty-pattern": "off" } }
];
