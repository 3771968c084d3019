import { loadWebConfig } from "./src/env";
import { exitUnlessStartable } from "./src/server/boot/preflight";

/**
 * `npm start`'s first-run check, run by turbo beside the build so a bad variable, an unwritable
 * DATA_DIR or a port in use is named in seconds rather than after the build. server.ts checks again.
 */
await exitUnlessStartable(loadWebConfig());
