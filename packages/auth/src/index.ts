export * from "./password";
export * from "./secrets";
export * from "./policy";
export * from "./topic-policy";
export * from "./denials";
export * from "./session";
export * from "./api-token";
