// A map from NodeId to a value, backed by arrays. Node ids are dense
// (numbered in pre-order across the workspace), and the checker's side tables
// hold an entry for many nodes: arrays indexed by id cost less to fill and to
// collect than a hash map. The ids are split into fixed-size pages, allocated
// on first write: growing one array to the largest id meant filling and
// copying it again and again (~9 ms of a 10,000-line compile), and a sparse
// table (bound calls) only pays for the pages it uses. Values are never
// undefined, so undefined marks an absent entry. Only the Map methods the
// compiler uses are offered.

import type { NodeId } from "../ast.js";

const PAGE_BITS = 12;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/** A NodeId-keyed table with Map's get/set/has. */
export class IdMap<V> {
  private readonly pages: ((V | undefined)[] | undefined)[] = [];

  /** The value stored for an id, or undefined. */
  get(id: NodeId): V | undefined {
    const page = this.pages[id >>> PAGE_BITS];
    return page === undefined ? undefined : page[id & PAGE_MASK];
  }

  /** Stores a value for an id. */
  set(id: NodeId, value: V): this {
    const index = id >>> PAGE_BITS;
    const pages = this.pages;
    // grow by pushing so the page list stays a plain vector (writing far past the end would make it a dictionary)
    while (pages.length <= index) pages.push(undefined);
    let page = pages[index];
    if (page === undefined) {
      // a holey array of one page stays in fast elements mode (large `new Array(n)` would not)
      page = new Array<V | undefined>(PAGE_SIZE);
      pages[index] = page;
    }
    page[id & PAGE_MASK] = value;
    return this;
  }

  /** Whether an id has a value. */
  has(id: NodeId): boolean {
    return this.get(id) !== undefined;
  }
}
