// Values a webview's message could be, for the property tests of the host's guards: anything fast-check can build,
// the unusual kinds included (big integers, dates, maps, sets, typed and sparse arrays, boxed values, null
// prototypes), since the host must answer each with a clear refusal and never throw.
import fc from 'fast-check';

export const anyValue = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
  withObjectString: true,
});
