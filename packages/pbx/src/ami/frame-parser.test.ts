import { describe, expect, it } from "vitest";
import { readFixture } from "../testing/fixtures";
import { AmiFrameParser } from "./frame-parser";

const NEWCHANNEL = "Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/102-00000001\r\nUniqueid: 1.1\r\nLinkedid: 1.1\r\n\r\n";

describe("AmiFrameParser", () => {
  it("reads the banner, then key/value frames ending in an empty line", () => {
    const parser = new AmiFrameParser();
    const messages = parser.push(`Asterisk Call Manager/13.0.0\r\n${NEWCHANNEL}`);
    expect(messages.map((m) => [m.kind, m.name])).toEqual([
      ["banner", "Asterisk Call Manager/13.0.0"],
      ["event", "Newchannel"]
    ]);
    expect(messages[1]?.fields).toMatchObject({ channel: "PJSIP/102-00000001", uniqueid: "1.1", privilege: "call,all" });
  });

  it("reassembles frames split at any byte, including inside the \\r\\n\\r\\n terminator", () => {
    const text = NEWCHANNEL + "Response: Success\r\nActionID: a1\r\nMessage: Authentication accepted\r\n\r\n";
    for (let cut = 1; cut < text.length; cut++) {
      const parser = new AmiFrameParser();
      const messages = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      expect(messages.map((m) => m.name)).toEqual(["Newchannel", "Success"]);
    }
  });

  it("reassembles multi-byte UTF-8 characters split across reads", () => {
    const bytes = Buffer.from("Event: Newchannel\r\nCallerIDName: Zoë Müller\r\n\r\n", "utf8");
    const parser = new AmiFrameParser();
    const split = bytes.indexOf(0xc3) + 1;
    const messages = [...parser.push(bytes.subarray(0, split)), ...parser.push(bytes.subarray(split))];
    expect(messages[0]?.fields.calleridname).toBe("Zoë Müller");
  });

  it("returns every frame of a read holding several, and a whole fixture in one read", () => {
    const parser = new AmiFrameParser();
    expect(parser.push(NEWCHANNEL.repeat(3))).toHaveLength(3);
    const fixture = readFixture("inbound-basic.ami");
    const frames = fixture.split("\r\n\r\n").filter((f) => f.trim()).length;
    expect(new AmiFrameParser().push(fixture)).toHaveLength(frames);
  });

  it("passes unknown events through, and keys case-insensitively with ChanVariable collected", () => {
    const parser = new AmiFrameParser();
    const [message] = parser.push("EVENT: SomethingNew\r\nACTIONID: x\r\nChanVariable: FOO=bar=baz\r\nChanVariable: EMPTY=\r\n\r\n");
    expect(message).toMatchObject({ kind: "event", name: "SomethingNew", fields: { actionid: "x" }, variables: { FOO: "bar=baz", EMPTY: "" } });
  });

  it("counts and skips garbage lines and frames that are neither event nor response, and never throws", () => {
    const parser = new AmiFrameParser();
    const messages = parser.push(
      "Asterisk Call Manager/13.0.0\r\nthis is not a header\r\n@@@: nope\r\nEvent: Hangup\r\nUniqueid: 9.9\r\n\r\n\r\n\r\nFoo: bar\r\n\r\n\u0000\u0001\r\n" +
        NEWCHANNEL
    );
    expect(messages.map((m) => m.name)).toEqual(["Asterisk Call Manager/13.0.0", "Hangup", "Newchannel"]);
    expect(parser.stats).toMatchObject({ garbageLines: 3, malformedFrames: 1, frames: 2 });
  });

  it("accepts bare \\n line ends and empty values", () => {
    const [message] = new AmiFrameParser().push("Event: Newexten\nAppData:\nAccountCode: \n\n");
    expect(message?.fields).toEqual({ event: "Newexten", appdata: "", accountcode: "" });
  });

  it("drops a runaway line without a newline and recovers at the next frame", () => {
    const parser = new AmiFrameParser();
    expect(parser.push(`Event: Flood\r\nData: ${"x".repeat(70_000)}`)).toEqual([]);
    expect(parser.push("more\r\nStill: flood\r\n\r\n" + NEWCHANNEL).map((m) => m.name)).toEqual(["Newchannel"]);
    expect(parser.stats.oversizedFrames).toBe(1);
  });

  it("keeps a truncated trailing frame until the rest arrives", () => {
    const parser = new AmiFrameParser();
    expect(parser.push("Event: Hangup\r\nUniqueid: 1.2\r\nCause: 1")).toEqual([]);
    expect(parser.push("6\r\n\r\n")[0]?.fields.cause).toBe("16");
  });
});
