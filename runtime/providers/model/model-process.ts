// One external model process, seen as a stream of lines with timeouts. Never hangs: every wait has
// a timeout, and kill() ends the child. Stdout is read as lines; stderr keeps a bounded tail for
// error messages. Input that cannot be delivered (the child died) is dropped; death shows up as an
// `exit` event on the next wait.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** What a wait for the next line can end with. */
export type LineEvent = { kind: "line"; text: string } | { kind: "timeout" } | { kind: "exit"; exit: string };

const STDERR_TAIL_CHARS = 2000;
const MAX_LINE_CHARS = 1_000_000;

/** Describes how a child ended: `exited with code 2`, `was killed by SIGSEGV`. */
function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal !== null ? `was killed by ${signal}` : `exited with code ${code ?? "unknown"}`;
}

/** A running external model. */
export class ModelProcess {
  private readonly lines: string[] = [];
  private partial = "";
  private stderr = "";
  private closed: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private wake: (() => void) | null = null;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      const parts = (this.partial + chunk).split("\n");
      this.partial = parts.pop() ?? "";
      for (const part of parts) this.lines.push(part.endsWith("\r") ? part.slice(0, -1) : part);
      if (this.partial.length > MAX_LINE_CHARS) {
        // A "line" this long is not a reply; hand it over so it is reported as malformed.
        this.lines.push(this.partial.slice(0, 200));
        this.partial = "";
      }
      this.notify();
    });
    child.stderr.on("data", (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    child.stdin.on("error", () => undefined); // EPIPE after the child died: reported via its exit instead
    child.on("close", (code, signal) => {
      if (this.partial !== "") this.lines.push(this.partial);
      this.partial = "";
      this.closed = { code, signal };
      this.notify();
    });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Starts `argv` in `cwd`; resolves with the process once it runs, or with the reason it could not start. */
  static start(argv: readonly string[], cwd: string): Promise<ModelProcess | { error: string }> {
    return new Promise((resolve) => {
      const [program, ...args] = argv;
      let child: ChildProcessWithoutNullStreams;
      try {
        child = spawn(program ?? "", args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
      } catch (error) {
        resolve({ error: error instanceof Error ? error.message : String(error) });
        return;
      }
      child.once("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code === "ENOENT" ? `${program ?? ""}: no such program (ENOENT)` : error.message }));
      child.once("spawn", () => resolve(new ModelProcess(child)));
    });
  }

  /** Sends one line. */
  send(line: string): void {
    if (this.closed === null && this.child.stdin.writable) this.child.stdin.write(`${line}\n`);
  }

  /** Closes the child's stdin (end of input). */
  endInput(): void {
    if (this.child.stdin.writable) this.child.stdin.end();
  }

  /** The next stdout line, or `exit` when the child has ended and every line was read, or `timeout`. */
  async nextLine(timeoutMs: number): Promise<LineEvent> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      for (;;) {
        const line = this.lines.shift();
        if (line !== undefined) return { kind: "line", text: line };
        if (this.closed !== null) return { kind: "exit", exit: describeExit(this.closed.code, this.closed.signal) };
        if (timedOut) return { kind: "timeout" };
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          timer ??= setTimeout(() => {
            timedOut = true;
            this.notify();
          }, timeoutMs);
        });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for the child to end, counting stdout lines it still writes; null when it is still running after timeoutMs (it is then killed). */
  async waitForExit(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; extraLines: number } | null> {
    let overdue = false;
    const timer = setTimeout(() => {
      overdue = true;
      this.kill();
    }, timeoutMs);
    try {
      let extraLines = 0;
      for (;;) {
        const event = await this.nextLine(timeoutMs + 1000);
        if (event.kind === "line") extraLines++;
        else if (overdue || this.closed === null) return null;
        else return { ...this.closed, extraLines };
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** The last lines the child wrote to stderr (at most 500 characters). */
  stderrTail(): string {
    const tail = this.stderr.trimEnd();
    return tail.length > 500 ? `...${tail.slice(-500)}` : tail;
  }

  /** Ends the child now (SIGKILL); safe to call more than once. */
  kill(): void {
    if (this.closed === null) this.child.kill("SIGKILL");
  }
}
