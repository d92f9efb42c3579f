// A value built on first use and kept: the catalog is parsed when something first needs it, never to activate.
export interface Lazy<T> {
  /** The value, built now if it was not yet. */
  get(): T;
}

export function lazy<T>(build: () => T): Lazy<T> {
  let value: { v: T } | undefined;
  return {
    get() {
      value ??= { v: build() };
      return value.v;
    },
  };
}
