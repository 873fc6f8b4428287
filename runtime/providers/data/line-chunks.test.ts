import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { LineChunks } from "./line-chunks.js";

const dir = mkdtempSync(join(tmpdir(), "strat-line-chunks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runs(text: string, from: number, to: number, chunk: number): Promise<{ lines: string; fresh: string; offsets: boolean }> {
  const file = join(dir, "f.txt");
  writeFileSync(file, text, "latin1");
  const handle = await open(file, "r");
  try {
    const reader = new LineChunks(handle, from, to, chunk);
    let lines = "";
    let fresh = "";
    let offsets = true;
    for (let run = await reader.next(); run !== null; run = await reader.next()) {
      const part = run.bytes.toString("latin1", 0, run.end);
      if (text.slice(run.fileOffset, run.fileOffset + part.length) !== part && !(part.endsWith("\n") && text.slice(run.fileOffset) + "\n" === part)) offsets = false;
      if (run.end > 0 && run.bytes[run.end - 1] !== 10) offsets = false;
      lines += part;
      fresh += run.fresh.toString("latin1");
    }
    return { lines, fresh, offsets };
  } finally {
    await handle.close();
  }
}

describe("LineChunks", () => {
  it("hands over whole lines, reads every byte once, and ends the last line (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.stringMatching(/^[a-z,]{0,12}$/), { maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 17 }), async (lines, finalLf, chunk) => {
        const text = lines.join("\n") + (finalLf && lines.length > 0 ? "\n" : "");
        const got = await runs(text, 0, text.length, chunk);
        expect(got.fresh).toBe(text);
        expect(got.lines).toBe(text.length === 0 || text.endsWith("\n") ? text : `${text}\n`);
        expect(got.offsets).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("reads only its range", async () => {
    const text = "aa\nbbb\ncccc\ndd\n";
    const got = await runs(text, 4, 12, 3);
    expect(got.fresh).toBe(text.slice(4, 12));
    expect(got.lines).toBe("bb\ncccc\n");
  });
});
