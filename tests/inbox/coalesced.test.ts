// The "never overlap, never miss a request" runner behind moderator alerts and site rebuilds.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { coalesced } from "../../src/inbox/coalesced.ts";

/** A task whose runs finish only when the test says so. */
function controlledTask() {
  const finishers: (() => void)[] = [];
  let active = 0;
  let maxActive = 0;
  const task = () =>
    new Promise<void>((resolve) => {
      active++;
      maxActive = Math.max(maxActive, active);
      finishers.push(() => {
        active--;
        resolve();
      });
    });
  return { task, runs: () => finishers.length, finish: (run: number) => finishers[run]!(), maxActive: () => maxActive };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("coalesced task", () => {
  it("runs once more after the run in progress, however often it was asked meanwhile", async () => {
    const { task, runs, finish, maxActive } = controlledTask();
    let idle = 0;
    const worker = coalesced(task, () => idle++);
    worker.request();
    worker.request();
    worker.request();
    assert.equal(runs(), 1);
    finish(0);
    await settle();
    assert.equal(runs(), 2, "one rerun for the requests made while running");
    assert.equal(idle, 0);
    finish(1);
    await settle();
    assert.equal(runs(), 2);
    assert.equal(idle, 1, "idle once nothing more was asked");
    assert.equal(maxActive(), 1, "never two runs at once");
  });

  it("exposes the run in progress, so that shutdown can wait for it", async () => {
    const { task, finish } = controlledTask();
    const worker = coalesced(task);
    // Read through a function: each read must see the worker's state at that moment.
    const current = (): Promise<void> | undefined => worker.current;
    assert.equal(current(), undefined);
    worker.request();
    const run = current();
    assert.ok(run);
    let done = false;
    void run.then(() => (done = true));
    await settle();
    assert.equal(done, false);
    finish(0);
    await run;
    assert.equal(current(), undefined);
  });
});
