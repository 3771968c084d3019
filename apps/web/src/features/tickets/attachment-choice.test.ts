import { describe, expect, it } from "vitest";
import { ATTACHMENT_SIZE_MAX, ATTACHMENTS_MAX } from "@switchboard/contracts";
import { addAttachments } from "./attachment-choice";

const file = (name: string, size = 100) => ({ name, size });

describe("addAttachments", () => {
  it("adds the files that fit, once each, and names each one left out and why", () => {
    const first = addAttachments([], [file("a.log"), file("b.png")]);
    expect(first).toEqual({ files: [file("a.log"), file("b.png")], problem: null });
    const again = addAttachments(first.files, [file("a.log"), file("empty.txt", 0), file("huge.mov", ATTACHMENT_SIZE_MAX + 1)]);
    expect(again.files).toEqual(first.files);
    expect(again.problem).toBe("empty.txt is empty; huge.mov is larger than 10 MB, the most a file may be");
  });

  it("stops at the count and at the total size", () => {
    const many = addAttachments(
      [],
      Array.from({ length: ATTACHMENTS_MAX + 1 }, (_, i) => file(`f${i}.txt`))
    );
    expect(many.files).toHaveLength(ATTACHMENTS_MAX);
    expect(many.problem).toBe(`f${ATTACHMENTS_MAX}.txt was not added: at most ${ATTACHMENTS_MAX} files per reply`);
    const big = addAttachments([], [file("a.bin", ATTACHMENT_SIZE_MAX), file("b.bin", ATTACHMENT_SIZE_MAX), file("c.bin", 1)]);
    expect(big.files.map((f) => f.name)).toEqual(["a.bin", "b.bin"]);
    expect(big.problem).toBe("c.bin was not added: files may be at most 20 MB together");
  });
});
