/** A message catalog module: each key has a Chinese and an English text. */
export type Messages = Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
