/** The parser-neutral shape every format is mapped to before normalisation. */

/** One entry as found in the document: raw strings, nothing resolved or cleaned yet. */
export interface RawItem {
  guid: string | null;
  link: string | null;
  title: string;
  description: string;
  content: string;
  date: string | null;
  author: string | null;
  /** xml:base in scope for this item, if any. */
  base: string | null;
}

/** A whole document after format-specific mapping. */
export interface RawFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  /** Channel/site link, used as a base for relative item links (docs/ingestion.md R21). */
  link: string | null;
  /** Feed-level xml:base. */
  base: string | null;
  /** RSS <ttl> in minutes (R11). */
  ttlMinutes: number | null;
  items: RawItem[];
}
