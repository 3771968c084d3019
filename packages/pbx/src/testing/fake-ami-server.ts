import { once } from "node:events";
import { createServer, type Server, type Socket } from "node:net";
import { AmiFrameParser } from "../ami/frame-parser";
import { formatMessage } from "../ami/format-action";
import { seededRandom } from "../shared/seeded-random";
import { FakeQueueMembers } from "./fake-queue-members";

type Fields = Record<string, string>;

/** What each list action answers with: event name of the items and of the completion. */
const LISTS: Record<string, [item: string, complete: string]> = {
  coreshowchannels: ["CoreShowChannel", "CoreShowChannelsComplete"],
  devicestatelist: ["DeviceStateChange", "DeviceStateListComplete"],
  extensionstatelist: ["ExtensionStatus", "ExtensionStateListComplete"],
  presencestatelist: ["PresenceStateChange", "PresenceStateListComplete"],
  pjsipshowcontacts: ["ContactList", "ContactListComplete"],
  pjsipshowregistrationsoutbound: ["OutboundRegistrationDetail", "OutboundRegistrationDetailComplete"],
  queuesummary: ["QueueSummary", "QueueSummaryComplete"],
  // QueueParams, QueueMember and QueueEntry items: each item names its own Event.
  queuestatus: ["QueueParams", "QueueStatusComplete"]
};

export interface FakeAmiServerOptions {
  username: string;
  secret: string;
  /**
   * Items answered to each list action, keyed by action name (e.g. "CoreShowChannels"); an item's
   * `Event` field overrides the list's item event name (QueueStatus answers three kinds).
   */
  lists?: Record<string, Fields[]>;
  /** Split every write into random small chunks (seeded), to exercise partial reads. */
  chunking?: { seed: number; maxChunk: number };
}

interface Session {
  socket: Socket;
  authenticated: boolean;
}

/**
 * A scripted Asterisk Manager Interface on a random loopback port, for tests: banner, Login with
 * good or bad credentials (Asterisk's answers, connection closed on failure), list actions for
 * resync, Hangup, BlindTransfer and Redirect on the channels its replayed fixtures created, QueueAdd,
 * QueueRemove and QueuePause on the queue members it knows, and replay of raw fixture text to
 * every logged-in session.
 */
export class FakeAmiServer {
  readonly actions: Fields[] = [];
  readonly logins = { accepted: 0, refused: 0 };
  /** Scripted answers by lower-cased action name: fixed fields, "stall" (never answer) or "endless" (a list that never completes). */
  private readonly scripted = new Map<string, Fields | "stall" | "endless">();
  private readonly sessions = new Set<Session>();
  private readonly channels = new Map<string, Fields>();
  private readonly members = new FakeQueueMembers();
  private readonly random: () => number;
  private server: Server | undefined;
  port = 0;

  constructor(private readonly options: FakeAmiServerOptions) {
    this.random = seededRandom(options.chunking?.seed ?? 1);
    this.members.learn(options.lists?.QueueStatus ?? []);
  }

  static async start(options: FakeAmiServerOptions): Promise<FakeAmiServer> {
    const fake = new FakeAmiServer(options);
    const server = createServer((socket) => fake.accept(socket));
    fake.server = server;
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const address = server.address();
    fake.port = typeof address === "object" && address ? address.port : 0;
    return fake;
  }

  /**
   * From now on answers `action` with these fields (Response, Message…), never ("stall"), or, for a
   * list action, with items that never end ("endless", until the client hangs up).
   */
  script(action: string, answer: Fields | "stall" | "endless"): void {
    this.scripted.set(action.toLowerCase(), answer);
  }

  setLists(lists: Record<string, Fields[]>): void {
    this.options.lists = lists;
    this.members.learn(lists.QueueStatus ?? []);
  }

  /** Sends raw AMI text (a fixture) to every logged-in session, remembering live channels. */
  async replay(text: string): Promise<void> {
    for (const message of new AmiFrameParser().push(text)) this.remember(message.name, message.fields);
    for (const session of this.sessions) if (session.authenticated) await this.write(session.socket, text);
  }

  /** Logged-in connections open right now. */
  get openSessions(): number {
    let open = 0;
    for (const session of this.sessions) if (session.authenticated && !session.socket.destroyed) open++;
    return open;
  }

  /**
   * Sends raw text to every logged-in session as a hostile PBX would: not parsed or remembered,
   * and each chunk only once the previous one was taken by the socket (so a flood costs the test
   * process little). Resolves when everything was written or the client hung up.
   */
  async flood(chunks: Iterable<string>): Promise<void> {
    const targets = [...this.sessions].filter((s) => s.authenticated).map((s) => s.socket);
    for (const chunk of chunks) {
      const open = targets.filter((socket) => !socket.destroyed);
      if (open.length === 0) return;
      await Promise.all(open.map((socket) => writeWithBackpressure(socket, chunk)));
    }
  }

  /** Closes every client connection, as a PBX restart would. */
  dropConnections(): void {
    for (const session of this.sessions) session.socket.destroy();
    this.sessions.clear();
  }

  async close(): Promise<void> {
    this.dropConnections();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    const session: Session = { socket, authenticated: false };
    this.sessions.add(session);
    socket.on("close", () => this.sessions.delete(session));
    socket.on("error", () => undefined);
    const parser = new AmiFrameParser();
    socket.on("data", (chunk: Buffer) => {
      for (const message of parser.push(chunk)) if (message.fields.action) void this.answer(session, message.fields);
    });
    socket.write("Asterisk Call Manager/13.0.0\r\n");
  }

  private async answer(session: Session, action: Fields): Promise<void> {
    this.actions.push(action);
    const name = (action.action ?? "").toLowerCase();
    const id = action.actionid ?? "";
    const reply = (fields: Fields) => this.write(session.socket, formatMessage({ ActionID: id, ...fields }));
    if (name === "login") {
      if (action.username === this.options.username && action.secret === this.options.secret) {
        session.authenticated = true;
        this.logins.accepted++;
        await reply({ Response: "Success", Message: "Authentication accepted" });
        await this.write(
          session.socket,
          formatMessage({ Event: "FullyBooted", Privilege: "system,all", Uptime: "1", LastReload: "1", Status: "Fully Booted" })
        );
        return;
      }
      this.logins.refused++;
      await this.write(session.socket, formatMessage({ Response: "Error", ActionID: id, Message: "Authentication failed" }));
      session.socket.end();
      return;
    }
    if (!session.authenticated) return void (await reply({ Response: "Error", Message: "Permission denied" }));
    const scripted = this.scripted.get(name);
    if (scripted === "stall") return;
    if (scripted === "endless") return this.answerEndless(session.socket, id, LISTS[name]?.[0] ?? "CoreShowChannel");
    if (scripted) return void (await reply(scripted));
    const list = LISTS[name];
    if (list) return this.answerList(session.socket, id, action.action ?? "", list);
    if (name === "hangup") return this.hangup(reply, action.channel ?? "");
    if (name === "queueadd" || name === "queueremove" || name === "queuepause") {
      const { answer, events } = this.members.act(name, action);
      await reply(answer);
      if (events) await this.replay(events);
      return;
    }
    if (name === "redirect") {
      if (!action.exten) return void (await reply({ Response: "Error", Message: "Exten not specified" }));
      const known = this.channels.has(action.channel ?? "");
      return void (await reply(known ? { Response: "Success", Message: "Redirect successful" } : { Response: "Error", Message: "Channel not existent" }));
    }
    if (name === "blindtransfer") {
      if (!action.exten) return void (await reply({ Response: "Error", Message: "No extension specified" }));
      const known = this.channels.has(action.channel ?? "");
      return void (await reply(
        known ? { Response: "Success", Message: "Transfer succeeded" } : { Response: "Error", Message: "Channel specified does not exist" }
      ));
    }
    await reply({ Response: "Error", Message: "Invalid/unknown command" });
  }

  private async answerList(socket: Socket, id: string, action: string, [item, complete]: [string, string]): Promise<void> {
    const items = this.options.lists?.[action] ?? [];
    let text = formatMessage({ Response: "Success", ActionID: id, EventList: "start", Message: "Events will follow" });
    for (const fields of items) text += formatMessage({ Event: item, ...fields, ActionID: id });
    text += formatMessage({ Event: complete, ActionID: id, EventList: "Complete", ListItems: String(items.length) });
    await this.write(socket, text);
  }

  private async answerEndless(socket: Socket, id: string, item: string): Promise<void> {
    await this.write(socket, formatMessage({ Response: "Success", ActionID: id, EventList: "start", Message: "Events will follow" }));
    for (let n = 0; !socket.destroyed; n++) {
      const batch = Array.from({ length: 100 }, (_, i) => formatMessage({ Event: item, ActionID: id, Channel: `PJSIP/x-${n}-${i}`, Uniqueid: `9.${n}${i}` }));
      await writeWithBackpressure(socket, batch.join(""));
    }
  }

  private async hangup(reply: (fields: Fields) => Promise<void>, channel: string): Promise<void> {
    const fields = this.channels.get(channel);
    if (!fields) return void (await reply({ Response: "Error", Message: "No such channel" }));
    await reply({ Response: "Success", Message: "Channel Hungup" });
    await this.replay(formatMessage({ Event: "Hangup", Privilege: "call,all", ...fields, Cause: "16", "Cause-txt": "Normal Clearing" }));
  }

  private remember(event: string, fields: Readonly<Record<string, string>>): void {
    this.members.remember(event, fields);
    const channel = fields.channel;
    if (!channel) return;
    if (event === "Hangup") this.channels.delete(channel);
    else if (event === "Newchannel" || event === "Newstate") {
      this.channels.set(channel, {
        Channel: channel,
        ChannelState: fields.channelstate ?? "6",
        ChannelStateDesc: fields.channelstatedesc ?? "Up",
        CallerIDNum: fields.calleridnum ?? "<unknown>",
        CallerIDName: fields.calleridname ?? "<unknown>",
        Uniqueid: fields.uniqueid ?? "",
        Linkedid: fields.linkedid ?? ""
      });
    }
  }

  private readonly writing = new WeakMap<Socket, Promise<void>>();

  /** Writes queue per socket, so chunked replies and replays never interleave. */
  private write(socket: Socket, text: string): Promise<void> {
    const next = (this.writing.get(socket) ?? Promise.resolve()).then(() => this.writeNow(socket, text));
    this.writing.set(socket, next);
    return next;
  }

  private async writeNow(socket: Socket, text: string): Promise<void> {
    if (socket.destroyed) return;
    const chunking = this.options.chunking;
    if (!chunking) {
      socket.write(text);
      return;
    }
    for (let i = 0; i < text.length;) {
      const size = 1 + Math.floor(this.random() * chunking.maxChunk);
      socket.write(text.slice(i, i + size));
      i += size;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** Writes and waits until the socket took it (or closed). */
function writeWithBackpressure(socket: Socket, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    const done = () => {
      socket.off("close", done);
      socket.off("drain", done);
      resolve();
    };
    socket.once("close", done);
    if (socket.write(text)) setImmediate(done);
    else socket.once("drain", done);
  });
}
