export { parseEnv, exitOnEnvError, EnvError } from "./parse-env";
export { portSchema, logLevelSchema, positiveInt } from "./schemas";
export { resolveCoreConfig, coreEnvShape, coreEnvSchema, type CoreConfig } from "./core-env";
export { findRepoRoot } from "./repo-root";
export { processSingleton, peekProcessSingleton, setProcessSingleton } from "./process-singletons";
export { onShutdown } from "./shutdown";
export { portProblem, findPortProblem } from "./startup-checks";
export { authorizeOpsRequest, opsTokenSchema } from "./ops-access";
export { trackRequests } from "./drain-http-server";
