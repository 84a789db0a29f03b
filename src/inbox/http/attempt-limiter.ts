export interface AttemptLimiter {
  // Seconds to wait before trying again, or 0.
  retryAfter(key: string): number;
  fail(key: string): void;
  clear(key: string): void;
}

export function createAttemptLimiter(max: number, windowMs: number, now: () => number = Date.now): AttemptLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  };
  return {
    retryAfter(key) {
      const times = recent(key);
      if (times.length < max) return 0;
      return Math.max(1, Math.ceil(((times[0] as number) + windowMs - now()) / 1000));
    },
    fail(key) {
      failures.set(key, [...recent(key), now()]);
    },
    clear(key) {
      failures.delete(key);
    },
  };
}
