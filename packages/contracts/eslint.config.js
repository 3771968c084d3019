import base from "@switchboard/eslint-config/base";

export default [
  ...base,
  {
    // Every string of a contract refuses NUL (domain/text.ts): no plain z.string() beside it.
    files: ["src/**/*.ts"],
    ignores: ["src/domain/text.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: "use text() from domain/text.ts: it refuses NUL characters"
        }
      ]
    }
  }
];
