// A value built on first use and kept: the catalog is parsed when something first needs it, never to activate; a
// bundle of its own (forms, viewer, tools, notebook runtime) is loaded when it is first used.
export interface Lazy<T> {
  /** The value, built now if it was not yet. */
  get(): T;
  /** The value if it was built, without building it: what there is to dispose or ask, if anything. */
  peek(): T | undefined;
}

export function lazy<T>(build: () => T): Lazy<T> {
  let value: { v: T } | undefined;
  return {
    get() {
      value ??= { v: build() };
      return value.v;
    },
    peek: () => value?.v,
  };
}
