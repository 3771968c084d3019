import "server-only";
import { revalidatePath } from "next/cache";
import { requireViewer, type Viewer } from "@/features/auth/server/require-viewer";
import { toActionResult, type ActionResult } from "./action-result";

/**
 * The body of a server action: re-checks the session (a missing one redirects, outside the result),
 * runs the work as that viewer, and on success revalidates the page that lists what changed.
 */
export async function runViewerAction<T>(revalidate: string, work: (viewer: Viewer) => Promise<T>): Promise<ActionResult<T>> {
  const viewer = await requireViewer();
  const result = await toActionResult(() => work(viewer));
  if (result.ok) revalidatePath(revalidate);
  return result;
}
