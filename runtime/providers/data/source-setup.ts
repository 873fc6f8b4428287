// What the file-backed data providers (csv, sqlite) resolve from their options
// before reading: validated options, the health counters of this load, the
// time zone of naive timestamps, and the source's absolute and project path.

import { resolve } from "node:path";
import { checkOptions } from "../options.js";
import { HealthTracker } from "../retry.js";
import { fail } from "./assemble.js";
import { badTimeZone } from "./errors.js";
import { projectPath } from "./lineage.js";
import { zoneConverter, type ZoneConverter } from "./timestamps.js";
import type { ProviderContext } from "./types.js";

/** A file-backed source, ready to read. */
export interface SourceSetup {
  readonly options: Record<string, unknown>;
  readonly health: HealthTracker;
  /** Converts naive timestamps from the `tz` option; null for UTC. */
  readonly zone: ZoneConverter | null;
  /** Absolute path of the source. */
  readonly path: string;
  /** Project-relative path, for messages and lineage. */
  readonly source: string;
}

/** Validates the options and resolves the source; rejects with ProviderOptionsError or DataError. */
export function setUpSource(id: "data-csv" | "data-sqlite", rawOptions: Record<string, unknown>, context: ProviderContext): SourceSetup {
  const checked = checkOptions(id, rawOptions);
  if (!checked.ok) throw checked.error;
  const options = checked.value;
  const health = new HealthTracker();
  const tz = typeof options["tz"] === "string" ? options["tz"] : null;
  const zone = tz === null ? null : zoneConverter(tz);
  if (tz !== null && zone === null) fail(badTimeZone(tz), health);
  const path = resolve(context.baseDir, String(options["path"]));
  return { options, health, zone, path, source: projectPath(context.baseDir, path) };
}
