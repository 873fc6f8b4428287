// ModelError and its typed constructors. External models fail in three ways the user can fix:
// they do not start, they are too slow, they crash or they break the protocol.
import { ProviderError, type ProviderErrorCode } from "../errors.js";

/** A model run that failed for a reason the user can fix. */
export class ModelError extends ProviderError {
  /** The failing command, for external models. */
  readonly command: string | null;
  /** 0-based index of the bar being predicted when it failed, or null before the first bar / after the last. */
  readonly bar: number | null;

  constructor(code: ProviderErrorCode, message: string, hint: string, command: string | null = null, bar: number | null = null) {
    super(code, message, hint);
    this.name = "ModelError";
    this.command = command;
    this.bar = bar;
  }
}

/** Where in the run a failure happened, for messages: `at bar 12 (2020-01-02T00:00:00.000Z)`. */
export interface BarPlace {
  readonly index: number | null;
  readonly time: string | null;
}

function at(place: BarPlace): string {
  if (place.index === null) return "";
  return ` at bar ${place.index}${place.time === null ? "" : ` (${place.time})`}`;
}

/** R0150: the command could not be started. */
export function modelNotStarted(command: string, cause: string): ModelError {
  return new ModelError("R0150", `external model \`${command}\` did not start: ${cause}`, "check the command: the program must exist and be executable; it runs in the project root, without a shell", command);
}

/** R0151: no reply (or no exit after `end`) within the timeout. The child has been killed. */
export function modelTimedOut(command: string, place: BarPlace, timeoutMs: number, waitingFor: "reply" | "exit" = "reply"): ModelError {
  const what = waitingFor === "reply" ? `sent no reply within ${timeoutMs / 1000}s${at(place)}` : `did not exit within ${timeoutMs / 1000}s after the end message`;
  return new ModelError(
    "R0151",
    `external model \`${command}\` ${what}`,
    waitingFor === "reply"
      ? "reply with one line per bar and flush stdout after each line (Python: print(..., flush=True)); or raise the timeout"
      : "exit when stdin closes or after the end message",
    command,
    place.index,
  );
}

/** R0152: the model exited (or died) before the run finished, or exited non-zero. */
export function modelCrashed(command: string, place: BarPlace, exit: string, stderrTail: string): ModelError {
  const tail = stderrTail.trim() === "" ? "" : `; stderr: ${stderrTail.trim()}`;
  return new ModelError("R0152", `external model \`${command}\` ${exit}${at(place)}${tail}`, "run the command by hand with the same input to see the failure; the protocol is in grammar.md", command, place.index);
}

/** R0153: a reply that is not a valid protocol message. */
export function modelMalformed(command: string, place: BarPlace, problem: string): ModelError {
  return new ModelError(
    "R0153",
    `external model \`${command}\` sent a malformed reply${at(place)}: ${problem}`,
    'reply to each bar with exactly one line {"t": <the bar\'s t>, "expected_return": x, "confidence": y, "volatility": z}; write logs to stderr',
    command,
    place.index,
  );
}
