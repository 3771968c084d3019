import { z } from "zod";

export const portSchema = z.coerce.number().int().min(0, "must be a port number (0–65535)").max(65535, "must be a port number (0–65535)");

export const postgresUrlSchema = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgres:// or postgresql:// URL");

export const redisUrlSchema = z.string().refine((v) => /^rediss?:\/\//.test(v), "must be a redis:// or rediss:// URL");

export const secretSchema = z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)");

export const logLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

export const positiveInt = z.coerce.number().int().positive("must be a positive whole number");
