import next from "@switchboard/eslint-config/next";

export default [...next, { ignores: ["next-env.d.ts", ".next/**"] }];
