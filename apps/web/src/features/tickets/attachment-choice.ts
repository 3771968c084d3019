import { ATTACHMENT_SIZE_MAX, ATTACHMENTS_MAX, ATTACHMENTS_TOTAL_MAX } from "@switchboard/contracts";
import { formatSize } from "@/lib/format-size";

interface ChosenFile {
  name: string;
  size: number;
}

/**
 * Files picked for a reply, added to those already chosen: the ones that fit the reply's limits
 * (count, size each, size together; a file already chosen by name is not added twice), and what
 * was left out, in words naming the file. The server checks the same limits again.
 */
export function addAttachments<F extends ChosenFile>(chosen: readonly F[], picked: readonly F[]): { files: F[]; problem: string | null } {
  const files = [...chosen];
  const problems: string[] = [];
  for (const file of picked) {
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (files.some((f) => f.name === file.name && f.size === file.size)) continue;
    if (file.size === 0) problems.push(`${file.name} is empty`);
    else if (file.size > ATTACHMENT_SIZE_MAX) problems.push(`${file.name} is larger than ${formatSize(ATTACHMENT_SIZE_MAX)}, the most a file may be`);
    else if (files.length >= ATTACHMENTS_MAX) problems.push(`${file.name} was not added: at most ${ATTACHMENTS_MAX} files per reply`);
    else if (total + file.size > ATTACHMENTS_TOTAL_MAX)
      problems.push(`${file.name} was not added: files may be at most ${formatSize(ATTACHMENTS_TOTAL_MAX)} together`);
    else files.push(file);
  }
  return { files, problem: problems.length > 0 ? problems.join("; ") : null };
}
