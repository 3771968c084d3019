import { defineConfig } from "vitest/config";
import { suiteOptions } from "./index.js";

export default defineConfig({ test: suiteOptions() });
