import nodemailer from "nodemailer";
import { coalesced } from "./coalesced.ts";

// What a pass over an outbox found: more may be due at once, nothing is due, or sending failed
// and the next try is due in that many milliseconds.
export type OutboxPass = "more" | "idle" | { retryInMs: number };

export interface OutboxLoop {
  // Something was just queued: send now rather than at the next poll.
  kick(): void;
  // Stops polling and waits for a pass in progress (its result is recorded in the store).
  stop(): Promise<void>;
}

// Picks up retries due after a restart, expired leases and messages queued by other instances
// (or the CLI); one indexed query, cheap enough to run this often.
const POLL_MS = 5_000;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 10 * 60_000;

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempts);
}

export function smtpTransport(smtpUrl: string): ReturnType<typeof nodemailer.createTransport> {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

/**
 * Runs `pass` until nothing is due, then again at each poll, at a kick, or when a failed pass
 * asked to retry; never two passes at once. `onStopped` runs once the last pass is over (closing
 * the SMTP transport). A pass that throws (the store unreachable) is logged
 * and retried at the next poll: what waits in the store is not lost.
 */
export function startOutboxLoop(pass: () => Promise<OutboxPass>, onError: (error: unknown) => void, onStopped: () => void = () => {}): OutboxLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeAt = Infinity;

  const wakeIn = (ms: number): void => {
    if (stopped || Date.now() + ms >= wakeAt) return;
    clearTimeout(timer);
    wakeAt = Date.now() + ms;
    timer = setTimeout(() => {
      wakeAt = Infinity;
      loop.request();
    }, ms);
  };

  const drain = async (): Promise<void> => {
    try {
      for (;;) {
        const result = await pass();
        if (result !== "more" || stopped) {
          if (typeof result === "object") wakeIn(result.retryInMs);
          break;
        }
      }
    } catch (error) {
      onError(error);
    }
  };

  const loop = coalesced(
    () => (stopped ? Promise.resolve() : drain()),
    () => wakeIn(POLL_MS),
  );
  loop.request();
  return {
    kick: () => {
      if (!stopped) loop.request();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await loop.current;
      onStopped();
    },
  };
}
