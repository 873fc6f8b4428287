// Opens the configured store for a command, turning store problems into user errors.

import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Config } from "../config/config.js";
import { isStoreError, openStore, type Store } from "../store/index.js";
import { UserError } from "./errors.js";

/** Opens the store named by the configuration; the default folder is created on first use. */
export function openConfiguredStore(config: Config, options: { readonly?: boolean } = {}): Store {
  const path = config.store.value === ":memory:" ? ":memory:" : resolve(config.root, config.store.value);
  if (path !== ":memory:" && config.store.source === "default" && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const store = openStore(path, { readonly: options.readonly ?? false });
  if (isStoreError(store)) throw new UserError(store.message, store.hint, 1, store.code);
  return store;
}
