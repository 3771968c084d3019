export * from "./parse-env";
export * from "./local-secrets";
export * from "./schemas";
export * from "./core-env";
export * from "./repo-root";
export * from "./process-singletons";
export * from "./shutdown";
export * from "./startup-checks";
