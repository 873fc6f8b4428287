// Gates: evaluate a gate from the plan on stored runs; the CLI maps status to exit codes.

export { evaluateGate, gateHash, modelVersions, toGateResultJson } from "./evaluate.js";
export { compare, margin, relativeChange, type Operator } from "./margin.js";
export { combineOutcomes, formatValue } from "./rules.js";
export { GATE_SELECTION_CODE, isGateError, type GateError, type GateOutcome, type GateResult, type GateSelection, type RuleOutcome, type ScopeOutcome } from "./types.js";
