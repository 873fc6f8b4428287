// external(command, timeout, horizon): a model in any language over the JSON-lines protocol in
// EXTERNAL.md. One process per run. The runtime writes hello, then for each bar one bar line and
// waits for that bar's reply before writing the next, so the model never sees a later bar; then
// end, and the process must exit 0. Every wait has a timeout; on any failure the child is killed.
// Codes: R0102 options, R0150 did not start, R0151 timeout, R0152 crash / non-zero exit (stderr
// tail included), R0153 malformed reply or output after the last bar.
import type { Bars } from "../../data/bars.js";
import { isoTime } from "../data/timestamps.js";
import { checkOptions, OPTION_SCHEMAS } from "../options.js";
import { allocatePredictions, modelLineageId } from "./define.js";
import { modelCrashed, modelMalformed, modelNotStarted, modelTimedOut } from "./errors.js";
import { barLine, END_LINE, helloLine, parseReply } from "./external-protocol.js";
import { horizonBars } from "./horizon.js";
import { splitCommand } from "./command-line.js";
import { ModelProcess } from "./model-process.js";
import type { ModelContext, ModelProvider, ModelRun } from "./types.js";

const UNVERSIONED = "unversioned";

/** argv for a command; `node` means the Node running strat, so examples work without node on PATH. */
function argvFor(command: string): string[] | null {
  const argv = splitCommand(command);
  if (argv !== null && argv[0] === "node") argv[0] = process.execPath;
  return argv;
}

async function converse(proc: ModelProcess, command: string, bars: Bars, options: Record<string, unknown>, context: ModelContext, timeoutMs: number): Promise<ModelRun> {
  const n = bars.time.length;
  const predictions = allocatePredictions(n);
  let version: string | null = null;
  proc.send(helloLine(context.modelName ?? "external", bars.ticker, options, n, context.barSeconds, horizonBars(options, context.barSeconds)));
  for (let i = 0; i < n; i++) {
    const t = isoTime(bars.time[i] ?? 0);
    const place = { index: i, time: t };
    proc.send(barLine(bars, i, t));
    const event = await proc.nextLine(timeoutMs);
    if (event.kind === "timeout") throw modelTimedOut(command, place, timeoutMs);
    if (event.kind === "exit") throw modelCrashed(command, place, `${event.exit} before replying`, proc.stderrTail());
    const reply = parseReply(event.text, t);
    if (typeof reply === "string") throw modelMalformed(command, place, reply);
    predictions.expected_return[i] = reply.expectedReturn;
    predictions.confidence[i] = reply.confidence;
    predictions.volatility[i] = reply.volatility;
    version ??= reply.version;
  }
  proc.send(END_LINE);
  proc.endInput();
  const end = { index: null, time: null };
  const exit = await proc.waitForExit(timeoutMs);
  if (exit === null) throw modelTimedOut(command, end, timeoutMs, "exit");
  if (exit.extraLines > 0) throw modelMalformed(command, end, `${exit.extraLines} line${exit.extraLines === 1 ? "" : "s"} of output after the last bar`);
  if (exit.code !== 0 || exit.signal !== null) {
    throw modelCrashed(command, end, exit.signal !== null ? `was killed by ${exit.signal} after the last bar` : `exited with code ${exit.code ?? "unknown"} after the last bar`, proc.stderrTail());
  }
  const modelVersion = version ?? UNVERSIONED;
  return { predictions, model: "external", version: modelVersion, lineageId: modelLineageId("external", modelVersion, options, bars) };
}

async function predict(bars: Bars, rawOptions: Record<string, number | string | boolean>, context: ModelContext): Promise<ModelRun> {
  const checked = checkOptions("model-external", rawOptions);
  if (!checked.ok) throw checked.error;
  const options = checked.value;
  const command = String(options.command);
  const argv = argvFor(command);
  if (argv === null) throw modelNotStarted(command, "the command is empty or has an unbalanced quote");
  const timeoutMs = context.timeoutMs ?? Number(options.timeout) * 1000;
  const started = await ModelProcess.start(argv, context.baseDir);
  if ("error" in started) throw modelNotStarted(command, started.error);
  try {
    return await converse(started, command, bars, options, context, timeoutMs);
  } finally {
    started.kill();
  }
}

/** A model in any language, over JSON lines on stdin/stdout. */
export const externalModel: ModelProvider = { name: "external", version: "1", optionsSchema: OPTION_SCHEMAS["model-external"], predict };

