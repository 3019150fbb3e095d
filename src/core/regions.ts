/**
 * Regions: the jurisdiction axis next to topics. An item is tagged with the jurisdictions whose
 * law, regulator, court or affected people it is about (none when its text names none); a
 * channel may restrict deliveries to some regions. Items with no jurisdiction still reach a
 * restricted channel unless it is strict, because "no region named" is not "another region".
 */

/** Every jurisdiction id, in display order. */
export const REGION_IDS = ['us', 'eu', 'uk', 'apac', 'intl'] as const;

export type RegionId = (typeof REGION_IDS)[number];

/** Short marks shown on posts and in lists ("EU"). */
export const REGION_MARKS: Record<RegionId, string> = { us: 'US', eu: 'EU', uk: 'UK', apac: 'APAC', intl: 'Intl' };

/** What each region covers, for help texts and bad-input replies. */
export const REGION_LABELS: Record<RegionId, string> = {
  us: 'United States (federal and state)',
  eu: 'EU and EEA (national DPAs, EDPB, CJEU)',
  uk: 'United Kingdom (ICO, Ofcom, UK courts)',
  apac: 'Asia-Pacific (China, India, Japan, Korea, Australia...)',
  intl: 'everywhere else (Canada, Latin America, Africa, Middle East, global bodies)',
};

// Other spellings people type; compared after lower-casing and dropping dots ("U.S." -> "us").
const ALIASES: Record<string, RegionId> = {
  usa: 'us', america: 'us', 'united-states': 'us',
  europe: 'eu', eea: 'eu',
  gb: 'uk', britain: 'uk', 'united-kingdom': 'uk',
  asia: 'apac', 'asia-pacific': 'apac',
  international: 'intl', global: 'intl', other: 'intl',
};

/** The region a typed word names ("US", "u.s.", "europe"), or null. */
export function regionOf(word: string): RegionId | null {
  const key = word.toLowerCase().replace(/\./g, '').replace(/[\s_]+/g, '-');
  if ((REGION_IDS as readonly string[]).includes(key)) return key as RegionId;
  return ALIASES[key] ?? null;
}

/** Keeps known region ids in display order, without duplicates (stored values are trusted only this far). */
export function sortRegions(ids: readonly string[]): RegionId[] {
  return REGION_IDS.filter((id) => ids.includes(id));
}

/** "US, EU" for a list of ids, in display order; unknown ids are shown as they are, last. */
export function regionMarks(ids: readonly string[]): string {
  const rank = (id: string) => ((REGION_IDS as readonly string[]).includes(id) ? (REGION_IDS as readonly string[]).indexOf(id) : REGION_IDS.length);
  return [...ids].sort((a, b) => rank(a) - rank(b)).map((id) => REGION_MARKS[id as RegionId] ?? id).join(', ');
}

/** A channel's region filter: `regions` empty means every region. */
export interface RegionFilter {
  regions: readonly string[];
  /** Also drop items with no jurisdiction. */
  strict: boolean;
}

/** The default filter: every region, items with no region included. */
export const EVERY_REGION: RegionFilter = { regions: [], strict: false };

/**
 * Whether an item with these jurisdictions passes a channel's filter (absent: the default). Called for every
 * (item, channel) pair routing considers, so it allocates nothing.
 */
export function regionAllows(filter: RegionFilter = EVERY_REGION, jurisdictions: readonly string[]): boolean {
  if (jurisdictions.length === 0) return !filter.strict;
  if (filter.regions.length === 0) return true;
  for (const region of jurisdictions) if (filter.regions.includes(region)) return true;
  return false;
}

/** "US and EU items, and items with no region" etc.: the setting as a sentence fragment. */
export function describeRegionFilter(filter: RegionFilter): string {
  if (filter.regions.length === 0) return filter.strict ? 'all regions; items with no region are left out (strict)' : 'all regions';
  const names = regionMarks(filter.regions);
  return filter.strict ? `${names} only; items with no region are left out (strict)` : `${names}, plus items that name no region`;
}
