import { notFound } from "next/navigation";
import { asDomainError } from "./domain-error";

/** Runs a page's loader; a "not found" from the services becomes Next's 404 page, anything else is rethrown. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (asDomainError(error)?.code === "not_found") notFound();
    throw error;
  }
}
