/** The session advisory lock (two-key form) whose holder is the relays' leader: a class apart from the organizations' (round-sql.ts). */
export const RELAY_LEADER_LOCK = [7_270_002, 0] as const;

/**
 * Where several relays listen (every realtime node, the job workers), each NOTIFY would wake them
 * all, and all but one would find the rows taken: a round and a round trip wasted per relay per
 * commit. The relay whose LISTEN connection holds the leader lock answers NOTIFY at once; the
 * others stand by and answer once `delayMs` has passed, one round for all the commits of that
 * window, which finds them published unless the leader is stalled. A standby takes the lock over on
 * its polls once the leader's connection is gone. Polls and a process's own commits are not delayed.
 */
export interface NotifyAnswer {
  notified(): void;
  stop(): void;
}

export function answerNotify(leading: () => boolean, delayMs: number, wake: () => void): NotifyAnswer {
  let timer: NodeJS.Timeout | undefined;
  return {
    notified() {
      if (leading()) return wake();
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        wake();
      }, delayMs);
      timer.unref();
    },
    stop() {
      clearTimeout(timer);
    }
  };
}
