// Types of the two Snowball stemmers we use from @orama/stemmers: its package exports them by subpath, which
// TypeScript's node10 resolution (our tsconfig) cannot see, while Node and esbuild resolve them as usual.
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/russian' {
  export function stemmer(word: string): string;
}
