// The on-disk form of a plan: keys sorted at every level, two-space indent,
// trailing newline. Same plan ⇒ same bytes.

import type { Plan } from "../../specs/generated/plan.js";

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    // no prototype: an own "__proto__" key (JSON.parse makes them) stays a plain member
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Serialises a plan (or any JSON value) with sorted keys, two-space indent and a final newline. */
export function serializeSorted(plan: Plan | object): string {
  return JSON.stringify(sortKeys(plan), null, 2) + "\n";
}
