/**
 * Guards zrender's LRU cache (used for text widths, fonts, colours and images) against keys that
 * name an `Object.prototype` property. The cache keeps its entries in a plain object, so
 * `get('__proto__')` finds `Object.prototype` itself, unlinks it from its list and writes
 * `prev`/`next` onto it: every object in the page then carries those properties (the SVG export
 * wrote `prev="[object Object]"`, and any `for…in` sees them). The key is a label's text, and a
 * label's text is data: a township or category named `__proto__` is data, not an attack surface
 * (docs/architecture.md, Invariants). With the guard, such a key is simply never cached.
 * Imported once, by echarts-setup.ts, before any chart is drawn.
 */
import LRU from 'zrender/lib/core/LRU.js';

const hasOwn = (o: object, k: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, k);

interface LruInternals<T> {
  _map: Record<string, unknown>;
  get(key: string | number): T;
  put(key: string | number, value: T): T;
}

const GUARDED = Symbol.for('township-safety-dashboard.lru-guard');
const proto = LRU.prototype as unknown as LruInternals<unknown> & { [GUARDED]?: true };

if (!proto[GUARDED]) {
  const get = proto.get;
  const put = proto.put;
  proto.get = function guardedGet(this: LruInternals<unknown>, key) {
    return hasOwn(this._map, key) ? get.call(this, key) : (undefined as unknown);
  };
  proto.put = function guardedPut(this: LruInternals<unknown>, key, value) {
    // An inherited name (`__proto__`, `constructor`, `toString`…) is not cached at all.
    return !hasOwn(this._map, key) && key in this._map ? (null as unknown) : put.call(this, key, value);
  };
  proto[GUARDED] = true;
}
