export * from "./parse-env";
export * from "./local-secrets";
export * from "./schemas";
export * from "./core-env";
