import type { z } from "zod";
import { replyCreateSchema, ticketCreateSchema } from "@switchboard/contracts";
import { notificationListQuerySchema } from "../services/notifications";
import { parseInput } from "../services/parse-input";
import { replyListQuerySchema, ticketListQuerySchema } from "../services/tickets";

/** What an edge (server action, route handler) hands the services: the input parsed with its schema. */
export const replyInput = (input: z.input<typeof replyCreateSchema>) => parseInput(replyCreateSchema, input);
export const ticketInput = (input: z.input<typeof ticketCreateSchema>) => parseInput(ticketCreateSchema, input);
export const ticketQuery = (input: z.input<typeof ticketListQuerySchema> = {}) => parseInput(ticketListQuerySchema, input);
export const replyQuery = (input: z.input<typeof replyListQuerySchema> = {}) => parseInput(replyListQuerySchema, input);
export const notificationQuery = (input: z.input<typeof notificationListQuerySchema> = {}) => parseInput(notificationListQuerySchema, input);
