// The shape of one entry in the diagnostic code catalogue.

/** A stable diagnostic code with its title and the long form shown by `strat explain`. */
export interface CodeEntry {
  /** E0101 ... ; never reused once published. */
  readonly code: string;
  /** One line, lowercase: what the code is about. */
  readonly title: string;
  /** Long form (markdown): why it is an error, an erroneous example, a fixed example. */
  readonly explain: string;
}
