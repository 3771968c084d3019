import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Ack, Topic, TopicsSubscribed } from "@switchboard/contracts";
import { EventBuffer } from "./event-buffer";
import { RELEASE_DELAY_MS } from "./topic-entry";
import { RETRY_DELAY_MS, TopicSubscriptions, type TopicTransport } from "./topic-subscriptions";

interface Request {
  topics: Topic[];
  since: number;
  answer: (ack: Ack<TopicsSubscribed>) => void;
}

function setup(head = 100) {
  const buffer = new EventBuffer(head);
  const requests: Request[] = [];
  const unsubscribed: Topic[][] = [];
  const state = { connected: true };
  const transport: TopicTransport = {
    connected: () => state.connected,
    subscribe: ({ topics, since }, answer) => requests.push({ topics, since, answer }),
    unsubscribe: (topics) => unsubscribed.push(topics)
  };
  const changed = vi.fn();
  const subscriptions = new TopicSubscriptions(buffer, transport, changed);
  const ok = (request: Request | undefined, seq: number, backfilled = true) => request?.answer({ ok: true, data: { topics: request.topics, seq, backfilled } });
  return { buffer, requests, unsubscribed, state, changed, subscriptions, ok };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("TopicSubscriptions", () => {
  it("asks once per tick for every new topic, from the oldest snapshot among them", () => {
    const { requests, subscriptions } = setup();
    subscriptions.acquire(["calls"], 90);
    subscriptions.acquire(["extensions", "calls"], 80);
    expect(requests).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(requests.map((r) => [r.topics, r.since])).toEqual([[["calls", "extensions"], 80]]);
  });

  it("covers a backfilled topic from the request's snapshot, and moves the head to where the socket stands", () => {
    const { buffer, requests, changed, subscriptions, ok } = setup();
    subscriptions.acquire(["calls"], 90);
    vi.advanceTimersByTime(0);
    expect(buffer.since(90, ["calls"])).toBeUndefined();
    ok(requests[0], 120);
    expect(buffer.since(90, ["calls"])).toEqual([]);
    expect(buffer.headSeq).toBe(120);
    expect(changed).toHaveBeenCalled();
    expect([...subscriptions.heldTopics()]).toEqual(["calls"]);
  });

  it("covers a topic the log could not backfill only from the socket's position (older pages refetch)", () => {
    const { buffer, requests, subscriptions, ok } = setup();
    subscriptions.acquire(["calls"], 90);
    vi.advanceTimersByTime(0);
    ok(requests[0], 120, false);
    expect(buffer.since(90, ["calls"])).toBeNull();
    expect(buffer.since(120, ["calls"])).toEqual([]);
  });

  it("takes a refusal as held from then on, says so, and never asks again", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { buffer, requests, subscriptions } = setup();
    subscriptions.acquire(["webhooks"], 100);
    vi.advanceTimersByTime(0);
    requests[0]?.answer({ ok: false, error: { code: "forbidden", message: "your role cannot follow webhooks" } });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("webhooks"));
    expect(buffer.since(100, ["webhooks"])).toEqual([]);
    subscriptions.acquire(["webhooks"], 100);
    vi.advanceTimersByTime(10_000);
    expect(requests).toHaveLength(1);
  });

  it("asks again for a subscription refused by the rate limit, from the same snapshot, and then holds it", () => {
    const { buffer, requests, subscriptions, ok } = setup();
    subscriptions.acquire(["ticket:0b7c6f1e-8c1d-4a8e-9f49-3d1f0c2b9a11"], 90);
    vi.advanceTimersByTime(0);
    requests[0]?.answer({ ok: false, error: { code: "rate_limited", message: "topics:subscribe is limited" } });
    expect(buffer.since(90, ["ticket:0b7c6f1e-8c1d-4a8e-9f49-3d1f0c2b9a11"])).toBeUndefined();
    vi.advanceTimersByTime(RETRY_DELAY_MS);
    expect(requests.map((r) => [r.topics, r.since])).toEqual([
      [["ticket:0b7c6f1e-8c1d-4a8e-9f49-3d1f0c2b9a11"], 90],
      [["ticket:0b7c6f1e-8c1d-4a8e-9f49-3d1f0c2b9a11"], 90]
    ]);
    ok(requests[1], 120);
    expect(buffer.since(90, ["ticket:0b7c6f1e-8c1d-4a8e-9f49-3d1f0c2b9a11"])).toEqual([]);
  });

  it("asks again, backing off, for a subscription the node failed to make, from the same snapshot; the console lags until it is held", () => {
    const { buffer, requests, changed, subscriptions, ok } = setup();
    const failed = (request: Request | undefined) => request?.answer({ ok: false, error: { code: "internal", message: "internal error" } });
    vi.spyOn(Math, "random").mockReturnValue(0.5);
    subscriptions.acquire(["tickets"], 90);
    vi.advanceTimersByTime(0);
    failed(requests[0]);
    expect(subscriptions.lagging()).toBe(true);
    expect(changed).toHaveBeenCalled();
    expect(buffer.since(90, ["tickets"])).toBeUndefined();
    // Without jitter, backoffDelay waits 1 s, then 2 s.
    vi.advanceTimersByTime(1000);
    failed(requests[1]);
    vi.advanceTimersByTime(1999);
    expect(requests).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(requests.map((r) => [r.topics, r.since])).toEqual([
      [["tickets"], 90],
      [["tickets"], 90],
      [["tickets"], 90]
    ]);
    expect(subscriptions.lagging()).toBe(true);
    ok(requests[2], 120);
    expect(subscriptions.lagging()).toBe(false);
    expect(buffer.since(90, ["tickets"])).toEqual([]);
  });

  it("stops lagging when the view of a topic the node failed to make lets go of it", () => {
    const { requests, changed, subscriptions } = setup();
    const release = subscriptions.acquire(["calls"], 90);
    vi.advanceTimersByTime(0);
    requests[0]?.answer({ ok: false, error: { code: "internal", message: "internal error" } });
    changed.mockClear();
    release();
    expect(subscriptions.lagging()).toBe(false);
    expect(changed).toHaveBeenCalled();
    vi.advanceTimersByTime(RELEASE_DELAY_MS + 10_000);
    expect(requests).toHaveLength(1);
  });

  it("does not ask again for a rate-limited topic its view let go of meanwhile", () => {
    const { requests, subscriptions } = setup();
    const release = subscriptions.acquire(["tickets"], 90);
    vi.advanceTimersByTime(0);
    requests[0]?.answer({ ok: false, error: { code: "rate_limited", message: "topics:subscribe is limited" } });
    release();
    vi.advanceTimersByTime(RETRY_DELAY_MS + RELEASE_DELAY_MS);
    expect(requests).toHaveLength(1);
    expect([...subscriptions.heldTopics()]).toEqual([]);
  });

  it("asks for each topic of a refused batch alone, so one refused topic does not take the others' events", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { buffer, requests, subscriptions, ok } = setup();
    subscriptions.acquire(["notifications"], 100);
    subscriptions.acquire(["webhooks"], 100);
    vi.advanceTimersByTime(0);
    requests[0]?.answer({ ok: false, error: { code: "forbidden", message: "your role cannot follow webhooks" } });
    expect(requests.slice(1).map((r) => r.topics)).toEqual([["notifications"], ["webhooks"]]);
    ok(requests[1], 100);
    requests[2]?.answer({ ok: false, error: { code: "forbidden", message: "your role cannot follow webhooks" } });
    expect(requests).toHaveLength(3);
    expect(buffer.since(100, ["notifications", "webhooks"])).toEqual([]);
  });

  it("shares a topic between views: asked once, dropped RELEASE_DELAY_MS after the last view lets go", () => {
    const { buffer, requests, unsubscribed, subscriptions, ok } = setup();
    const first = subscriptions.acquire(["calls"], 100);
    vi.advanceTimersByTime(0);
    ok(requests[0], 100);
    const second = subscriptions.acquire(["calls"], 110);
    vi.advanceTimersByTime(0);
    expect(requests).toHaveLength(1);
    first();
    first();
    vi.advanceTimersByTime(RELEASE_DELAY_MS * 2);
    expect(unsubscribed).toEqual([]);
    second();
    vi.advanceTimersByTime(RELEASE_DELAY_MS - 1);
    expect(unsubscribed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(unsubscribed).toEqual([["calls"]]);
    expect(buffer.since(100, ["calls"])).toBeUndefined();
  });

  it("keeps a topic taken again before its release is due (moving between pages that share it)", () => {
    const { requests, unsubscribed, subscriptions, ok } = setup();
    const leaving = subscriptions.acquire(["calls"], 100);
    vi.advanceTimersByTime(0);
    ok(requests[0], 100);
    leaving();
    vi.advanceTimersByTime(RELEASE_DELAY_MS - 100);
    subscriptions.acquire(["calls"], 105);
    vi.advanceTimersByTime(RELEASE_DELAY_MS * 2);
    expect(requests).toHaveLength(1);
    expect(unsubscribed).toEqual([]);
  });

  it("drops a topic released while it is being subscribed only once the answer came", () => {
    const { requests, unsubscribed, subscriptions, ok } = setup();
    subscriptions.acquire(["calls"], 100)();
    vi.advanceTimersByTime(0);
    expect(requests).toHaveLength(0);
    const release = subscriptions.acquire(["trunks"], 100);
    vi.advanceTimersByTime(0);
    release();
    vi.advanceTimersByTime(RELEASE_DELAY_MS * 2);
    expect(unsubscribed).toEqual([]);
    ok(requests[0], 100);
    vi.advanceTimersByTime(0);
    expect(unsubscribed).toEqual([["trunks"]]);
  });

  it("names its topics in the handshake: held ones from the head, others from their snapshot, unused ones not at all", () => {
    const { buffer, requests, state, subscriptions, ok } = setup();
    subscriptions.acquire(["calls"], 90);
    vi.advanceTimersByTime(0);
    ok(requests[0], 100);
    state.connected = false;
    subscriptions.disconnected();
    subscriptions.acquire(["tickets"], 95);
    subscriptions.acquire(["queues"], 130);
    subscriptions.acquire(["jobs"], 90)();
    vi.advanceTimersByTime(0);
    expect(requests).toHaveLength(1);
    expect(subscriptions.handshakeTopics()).toEqual({ calls: 100, tickets: 95, queues: 100 });
    // Asked after the handshake was built: sent once connected.
    subscriptions.acquire(["offices"], 100);
    state.connected = true;
    subscriptions.connected();
    expect(requests.map((r) => r.topics)).toEqual([["calls"], ["offices"]]);
    expect(buffer.since(95, ["tickets"])).toBeUndefined();
    subscriptions.synced();
    expect(buffer.since(95, ["tickets"])).toEqual([]);
    expect(buffer.since(100, ["queues"])).toEqual([]);
  });

  it("names a topic whose subscription was cut off from its snapshot again, and ignores that subscription's late answer", () => {
    const { buffer, requests, state, subscriptions, ok } = setup();
    subscriptions.acquire(["calls"], 80);
    vi.advanceTimersByTime(0);
    state.connected = false;
    subscriptions.disconnected();
    expect(subscriptions.handshakeTopics()).toEqual({ calls: 80 });
    state.connected = true;
    subscriptions.connected();
    ok(requests[0], 150, false);
    expect(buffer.since(80, ["calls"])).toBeUndefined();
    subscriptions.synced();
    expect(buffer.since(80, ["calls"])).toEqual([]);
  });

  it("holds a handshake's topics only from the head when the replay's end never came", () => {
    const { buffer, state, subscriptions } = setup();
    state.connected = false;
    subscriptions.acquire(["calls"], 80);
    subscriptions.handshakeTopics();
    buffer.advanceTo(140);
    subscriptions.synced(true);
    expect(buffer.since(80, ["calls"])).toBeNull();
    expect(buffer.since(140, ["calls"])).toEqual([]);
  });

  it("asks nothing while disconnected, and drops released topics without a request", () => {
    const { requests, unsubscribed, state, subscriptions } = setup();
    state.connected = false;
    const release = subscriptions.acquire(["calls"], 100);
    vi.advanceTimersByTime(0);
    release();
    vi.advanceTimersByTime(RELEASE_DELAY_MS);
    expect(requests).toEqual([]);
    expect(unsubscribed).toEqual([]);
    expect(subscriptions.handshakeTopics()).toEqual({});
  });
});
