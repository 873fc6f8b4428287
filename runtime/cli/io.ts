// The CLI's only channel to the outside: streams, cwd, env and clock are passed
// in, so commands run the same in-process (tests) and as the real binary.

/** What a command may touch. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => Date;
  readonly isTty: boolean;
  out(text: string): void;
  err(text: string): void;
}

/** The real process's io. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    isTty: Boolean(process.stdout.isTTY),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  };
}

/** An in-memory io for tests; read `stdout` and `stderr` after the command. */
export function memoryIo(cwd: string, options: { env?: Record<string, string>; now?: Date } = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    cwd,
    env: options.env ?? {},
    now: () => options.now ?? new Date("2026-01-05T00:00:00Z"),
    isTty: false,
    stdout: "",
    stderr: "",
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}
