import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import { layoutPlugin } from "./layout.js";

/** Shared flat config: strict TypeScript rules that match the house style. */
export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/generated/**", "**/.turbo/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { switchboard: layoutPlugin },
    rules: {
      "switchboard/layout": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "separate-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through the app's env.ts only." }]
    }
  },
  {
    files: ["**/env.ts", "**/*.test.ts", "**/*.spec.ts", "**/test/**", "**/testing/**", "**/*.config.ts", "**/*.config.mjs", "**/*.config.js"],
    rules: { "no-restricted-properties": "off" }
  }
);
