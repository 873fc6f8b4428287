// How long loops over millions of bars are cut into calls.
//
// A loop that runs once over millions of values is optimised by V8 while it runs (on-stack
// replacement). On Node 20, such a loop with branches in it stays slow and boxes the doubles it
// carries into fresh heap numbers on every iteration (tens of young-generation GCs per 2M bars).
// A function called on successive ranges of LOOP_RANGE values is fully optimised from its second
// call on, so every such loop in the runtime (quality scan, calendar and spacing scans, metric
// passes, store encoders) goes through a range function. Results do not depend on the range:
// the work is the same, in the same order.

/** Values per call of a range function (see the file header); a multiple of 8, which the store's bit packers rely on. */
export const LOOP_RANGE = 1 << 16;
