export * from "./password";
export * from "./secrets";
export * from "./policy";
export * from "./session";
export * from "./api-token";
