/** The shape every collection entry has once loaded: Astro's entries satisfy it, and so do test fixtures. */
export interface Entry<T> {
  id: string;
  data: T;
  body?: string | undefined;
  filePath?: string | undefined;
}
