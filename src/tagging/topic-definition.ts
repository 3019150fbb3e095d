/**
 * The shape of a topic as data. Phrases are matched on word boundaries: a token written in
 * capitals (AI, ICO, DPA) matches only in capitals, other tokens ignore case; `{a,b}` expands
 * to alternatives ("breach{,es}" = breach, breaches); a leading `=` makes the whole phrase
 * case-sensitive ("=Act" is not "act").
 */

/** A conditional rule: fires when every group has at least one matching phrase. */
export interface TopicRule {
  all: string[][];
  /** The rule is cancelled when any of these phrases occurs anywhere in the text. */
  none?: string[];
  /** The rule does not fire when one of these topics is assigned by other evidence (docs/tagging.md L7, L8). */
  unlessTopics?: string[];
  /** When true the rule needs no separate privacy-scope evidence (its groups imply scope). */
  selfScoped?: boolean;
  /** When set, every group's match must lie within this many words of a first-group match. */
  near?: number;
  /**
   * An event rule (a suit, a fine, a law): with only a generic scope word ("data") it fires only
   * when a subject topic is assigned too (L2, L4).
   */
  event?: boolean;
}

/** One topic: identity, the definition that decides the label, and its matching rules. */
export interface TopicDefinition {
  id: string;
  label: string;
  definition: string;
  /** Phrases that assign the topic on their own and also show the item is privacy news. */
  phrases: string[];
  /** Contexts whose span cancels this topic's matches ("law enforcement", "breach of contract"). */
  exclude: string[];
  /** Conditional rules; they apply only to items that pass the privacy-scope gate. */
  rules: TopicRule[];
}

/** Scope gate and jurisdiction vocabulary shared by all topics. */
export interface TaggingVocabulary {
  /** Words that show an item is privacy, data-protection, cyber or AI-governance news (L2). */
  scope: string[];
  /**
   * Scope words so common outside privacy ("data", "records") that they let subject topics apply
   * but not event topics alone: a court ruling or a fine with only "data" to show for it is
   * another field's news unless a subject topic is assigned too (L2).
   */
  genericScope: string[];
  /** Contexts that cancel a scope word ("data center"). */
  scopeExclude: string[];
  /** Jurisdiction tag id → names of places, bodies and laws that place an item there on their own. */
  jurisdictions: Record<string, string[]>;
  /**
   * Jurisdiction tag id → adjectives ("French", "Chinese") that count only right before one of
   * `publicNouns` ("French regulator", "Chinese users"): a company's or an attacker's nationality
   * ("Chinese hackers", "a German security firm") is not the item's jurisdiction.
   */
  jurisdictionAdjectives: Record<string, string[]>;
  /** Public bodies, laws and the people affected: the nouns that make an adjective a jurisdiction. */
  publicNouns: string[];
  /** Jurisdiction tag id → names that count only when nothing else places the item ("federal", "global"). */
  weakJurisdictions: Record<string, string[]>;
  /** Contexts that cancel a jurisdiction name they overlap ("transfers to China": a destination). */
  jurisdictionExclude: string[];
}
