export * from "./errors";
export * from "./viewer";
export * from "./parse-input";
export * from "./extensions";
export * from "./trunks";
export * from "./api-tokens";
export * from "./sign-in";
export * from "./org";
