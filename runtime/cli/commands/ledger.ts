// strat ledger verify | strat ledger show: check or print the hash-chained ledger.

import type { CliConfig } from "../../config/config.js";
import { isStoreError } from "../../store/index.js";
import { EXIT, UserError } from "../errors.js";
import type { CliIo } from "../io.js";
import { openConfiguredStore } from "../open-store.js";
import { resolveConfig } from "../project.js";

/** Runs `strat ledger verify`: exit 0 when the chain is intact, 1 naming the first broken record. */
export function runLedgerVerify(io: CliIo, options: { json?: boolean }, cli: CliConfig): number {
  const store = openConfiguredStore(resolveConfig(io, cli), { readonly: true });
  try {
    const result = store.verifyLedger();
    if (isStoreError(result)) throw new UserError(result.message, result.hint, EXIT.error, result.code);
    if (options.json) io.out(JSON.stringify(result) + "\n");
    else if (result.ok) io.out(`ledger intact: ${result.count} record${result.count === 1 ? "" : "s"}, every hash chains to the previous one\n`);
    else io.out(`ledger BROKEN at record ${result.seq}: ${result.problem}\n`);
    return result.ok ? EXIT.ok : EXIT.error;
  } finally {
    store.close();
  }
}

/** Runs `strat ledger show`: the records, oldest first. */
export function runLedgerShow(io: CliIo, options: { json?: boolean; kind?: string; limit?: string }, cli: CliConfig): number {
  const store = openConfiguredStore(resolveConfig(io, cli), { readonly: true });
  try {
    const records = store.ledger({ ...(options.kind === undefined ? {} : { kind: options.kind }), ...(options.limit === undefined ? {} : { limit: Number(options.limit) }) });
    if (isStoreError(records)) throw new UserError(records.message, records.hint, EXIT.error, records.code);
    if (options.json) io.out(JSON.stringify({ records }, null, 2) + "\n");
    else for (const r of records) io.out(`#${r.seq}  ${r.createdAt}  ${r.kind}  ${r.hash.slice(0, 12)} <- ${r.prevHash.slice(0, 12)}\n`);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
