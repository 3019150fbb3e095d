/**
 * The topic tagger: deterministic, offline and explainable. It judges an item from its title and
 * description only (taxonomy.md B1), applies the privacy-scope gate (B2), each topic's phrases,
 * exclusions and rules, and keeps at most four labels (B3). Every label carries the phrases that
 * led to it.
 */
import { compileTaxonomy, type CompiledTaxonomy, type PhraseUse } from './compile-taxonomy.js';
import { judgedFields } from './judged-fields.js';
import type { PhraseHit } from './phrase-index.js';
import { tokenizeText, tokenSpanText, type TextTokens } from './tokenize-text.js';
import type { TaggingVocabulary, TopicDefinition } from './topic-definition.js';
import { defaultVocabulary } from './vocabulary.js';

/** What the tagger reads from an item. */
export interface TagInput {
  title: string;
  description?: string | null;
  content?: string | null;
  link?: string | null;
}

/** Topics in order of evidence, the phrases behind each, and jurisdiction tags. */
export interface TagResult {
  topics: string[];
  why: Record<string, string[]>;
  jurisdictions: string[];
}

/** A compiled tagger for one taxonomy. */
export interface Tagger {
  tag(input: TagInput): TagResult;
  /** The topics it was built from. */
  readonly topics: readonly TopicDefinition[];
}

const MAX_TOPICS = 4; // taxonomy.md B3: 0-4 labels, when in doubt leave it out.

interface GroupHit {
  text: string;
  field: number;
  at: number;
}

interface Evidence {
  strong: string[];
  /** Per rule: per group, the matches; undefined when nothing in the rule matched. */
  rules: (GroupHit[][] | undefined)[];
  none: boolean[];
  inTitle: boolean;
}

interface Span {
  topic: number;
  field: number;
  start: number;
  end: number;
}

/** Builds a tagger for `topics` (defaults plus feeds.json overrides, see applyTopicOverrides). */
export function createTagger(topics: TopicDefinition[], vocabulary: TaggingVocabulary = defaultVocabulary): Tagger {
  const compiled = compileTaxonomy(topics, vocabulary);
  return { topics, tag: (input) => tagWith(compiled, input) };
}

function overlaps(spans: Span[], topic: number, field: number, hit: PhraseHit): boolean {
  for (const s of spans) {
    if (s.topic === topic && s.field === field && hit.start < s.end && s.start < hit.end) return true;
  }
  return false;
}

function tagWith(compiled: CompiledTaxonomy, input: TagInput): TagResult {
  const { index, uses } = compiled;
  const fields = judgedFields(input).map(tokenizeText);
  const hits = fields.map((tokens) => {
    const found: PhraseHit[] = [];
    index.findAll(tokens, found);
    return found;
  });
  const excluded: Span[] = [];
  hits.forEach((list, field) => {
    for (const hit of list) {
      for (const use of uses[hit.phrase] ?? []) {
        if (use.kind === 'exclude') excluded.push({ topic: use.topic, field, start: hit.start, end: hit.end });
        else if (use.kind === 'scope-exclude') excluded.push({ topic: -1, field, start: hit.start, end: hit.end });
      }
    }
  });
  const evidence = new Map<number, Evidence>();
  const jurisdictions = new Set<string>();
  let inScope = false;
  hits.forEach((list, field) => {
    const tokens = fields[field]!;
    for (const hit of list) {
      for (const use of uses[hit.phrase] ?? []) {
        if (use.kind === 'exclude' || use.kind === 'scope-exclude') continue;
        if (use.kind === 'jurisdiction') {
          jurisdictions.add(use.id);
          continue;
        }
        if (use.kind === 'scope') {
          if (!overlaps(excluded, -1, field, hit)) inScope = true;
          continue;
        }
        if (use.kind !== 'none' && overlaps(excluded, use.topic, field, hit)) continue;
        recordEvidence(compiled, evidence, use, tokens, hit, field);
      }
    }
  });
  return decide(compiled, evidence, inScope, [...jurisdictions].sort());
}

function evidenceFor(compiled: CompiledTaxonomy, evidence: Map<number, Evidence>, topic: number): Evidence {
  let e = evidence.get(topic);
  if (!e) {
    e = { strong: [], rules: [], none: [], inTitle: false };
    evidence.set(topic, e);
  }
  return e;
}

type TopicUse = Exclude<PhraseUse, { kind: 'scope' } | { kind: 'scope-exclude' } | { kind: 'jurisdiction' } | { kind: 'exclude' }>;

function recordEvidence(
  compiled: CompiledTaxonomy,
  evidence: Map<number, Evidence>,
  use: TopicUse,
  tokens: TextTokens,
  hit: PhraseHit,
  field: number,
): void {
  const e = evidenceFor(compiled, evidence, use.topic);
  if (use.kind === 'none') {
    e.none[use.rule] = true;
    return;
  }
  const text = tokenSpanText(tokens, hit.start, hit.end);
  if (field === 0) e.inTitle = true;
  if (use.kind === 'phrase') {
    e.strong.push(text);
    return;
  }
  if (use.kind === 'group') {
    const groups = (e.rules[use.rule] ??= compiled.topics[use.topic]!.rules[use.rule]!.all.map(() => []));
    groups[use.group]!.push({ text, field, at: hit.start });
  }
}

function firedRuleTexts(compiled: CompiledTaxonomy, topic: number, e: Evidence, inScope: boolean, assigned: Set<string> | null): string[] | null {
  const rules = compiled.topics[topic]!.rules;
  let texts: string[] | null = null;
  e.rules.forEach((groups, r) => {
    if (!groups || e.none[r]) return;
    const rule = rules[r]!;
    const deferred = compiled.deferred[topic]![r]!;
    if (deferred !== (assigned !== null)) return;
    if (assigned && rule.unlessTopics!.some((id) => assigned.has(id))) return;
    if (!inScope && !rule.selfScoped) return;
    if (groups.some((g) => g.length === 0)) return;
    const chosen = rule.near === undefined ? groups : nearGroups(groups, rule.near);
    if (!chosen) return;
    texts ??= [];
    for (const g of chosen) for (const h of g) texts.push(h.text);
  });
  return texts;
}

/** The matches of each group that lie near a first-group match, or null when none do. */
function nearGroups(groups: GroupHit[][], near: number): GroupHit[][] | null {
  for (const anchor of groups[0]!) {
    const close = groups.map((g) => g.filter((h) => h.field === anchor.field && Math.abs(h.at - anchor.at) <= near));
    if (close.every((g) => g.length > 0)) return close;
  }
  return null;
}

function decide(compiled: CompiledTaxonomy, evidence: Map<number, Evidence>, scopeWord: boolean, jurisdictions: string[]): TagResult {
  let inScope = scopeWord;
  for (const e of evidence.values()) if (e.strong.length > 0) inScope = true;
  const found: { topic: number; texts: string[]; score: number }[] = [];
  const firstPass = new Set<string>();
  for (const [topic, e] of evidence) {
    const ruleTexts = firedRuleTexts(compiled, topic, e, inScope, null);
    if (e.strong.length === 0 && !ruleTexts) continue;
    found.push({ topic, texts: [...e.strong, ...(ruleTexts ?? [])], score: 0 });
    firstPass.add(compiled.topics[topic]!.id);
  }
  for (const [topic, e] of evidence) {
    const ruleTexts = firedRuleTexts(compiled, topic, e, inScope, firstPass);
    if (!ruleTexts) continue;
    const already = found.find((f) => f.topic === topic);
    if (already) already.texts.push(...ruleTexts);
    else found.push({ topic, texts: ruleTexts, score: 0 });
  }
  for (const f of found) {
    const e = evidence.get(f.topic)!;
    f.score = e.strong.length * 2 + f.texts.length + (e.inTitle ? 3 : 0);
  }
  found.sort((a, b) => b.score - a.score || a.topic - b.topic);
  const kept = found.slice(0, MAX_TOPICS);
  const why: Record<string, string[]> = {};
  for (const f of kept) why[compiled.topics[f.topic]!.id] = unique(f.texts);
  const topics = Object.keys(why);
  return { topics, why, jurisdictions: inScope || topics.length > 0 ? jurisdictions : [] };
}

function unique(texts: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    const key = t.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}
