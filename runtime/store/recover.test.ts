import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { meta } from "./__fixtures__/build-results.js";
import { ok, openTestStore } from "./__fixtures__/open-temp.js";
import { tempDir } from "./__fixtures__/temp-store.js";
import { isProcessAlive } from "./recover.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe("interrupted-run recovery", () => {
  it("marks running runs of dead processes interrupted on open, and leaves live ones", () => {
    const dead = openTestStore(dir, { pid: 111 });
    const deadRun = ok(dead.beginRun(meta()));
    dead.close();
    const live = openTestStore(dir, { pid: 222, isProcessAlive: () => true });
    const liveRun = ok(live.beginRun(meta()));
    live.close();

    const store = openTestStore(dir, { pid: 333, isProcessAlive: (pid) => pid === 222 });
    expect(store.recovered).toEqual([{ id: deadRun, pid: 111 }]);
    const run = ok(store.getRun(deadRun));
    expect(run?.status).toBe("interrupted");
    expect(run?.error).toMatch(/^interrupted: process 111 ended without completing the run; no results were kept \(found at 2024-06-01T/);
    expect(run?.finishedAt).not.toBeNull();
    expect(ok(store.getRun(liveRun))?.status).toBe("running");
    store.close();
  });

  it("never marks this process's own runs", () => {
    const first = openTestStore(dir, { pid: 444 });
    const id = ok(first.beginRun(meta()));
    const second = openTestStore(dir, { pid: 444, isProcessAlive: () => false });
    expect(second.recovered).toEqual([]);
    expect(ok(second.getRun(id))?.status).toBe("running");
    second.close();
    first.close();
  });

  it("does not recover on a read-only open", () => {
    const writer = openTestStore(dir, { pid: 555 });
    const id = ok(writer.beginRun(meta()));
    writer.close();
    const reader = openTestStore(dir, { readonly: true, isProcessAlive: () => false });
    expect(reader.recovered).toEqual([]);
    expect(ok(reader.getRun(id))?.status).toBe("running");
    reader.close();
  });

  it("probes liveness with signal 0", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    // Above the Linux pid_max ceiling (4194304), so no process can have it.
    expect(isProcessAlive(2 ** 22 + 1)).toBe(false);
  });
});
