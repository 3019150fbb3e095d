/**
 * Phrase lists several topics share (places, regulators, privacy objects). Data only: edit here
 * to widen every rule that uses a list.
 */

/** US states (for us-state-law; docs/tagging.md L11 excludes cities and federal bills). */
export const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware', 'Florida',
  'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah',
  'Vermont', 'Virginia', 'Washington state', 'Washington State', 'West Virginia', 'Wisconsin', 'Wyoming',
  'Californian{,s}', 'Texan{,s}', 'Illinoisans',
];

/** EU/EEA/UK places and institutions (for gdpr rules that need a European frame, L10). */
export const EUROPE = [
  'EU', 'E.U.', 'EEA', 'European Union', 'Europe', 'European', 'European Commission', 'bloc', "bloc's",
  'UK', 'U.K.', 'Britain', 'British', 'England', 'Scotland', 'Wales', 'Ireland', 'Irish', 'France', 'French',
  'Germany', 'German', 'Italy', 'Italian', 'Spain', 'Spanish', 'Netherlands', 'Dutch', 'Belgium', 'Belgian',
  'Austria', 'Austrian', 'Sweden', 'Swedish', 'Norway', 'Norwegian', 'Finland', 'Finnish', 'Denmark', 'Danish',
  'Poland', 'Polish', 'Portugal', 'Portuguese', 'Greece', 'Greek', 'Luxembourg', 'Hungary', 'Hungarian',
  'Croatia', 'Czech', 'Romania', 'Romanian', 'Bulgaria', 'Slovakia', 'Slovenia', 'Estonia', 'Latvia',
  'Lithuania', 'Iceland', 'Liechtenstein', 'Cyprus', 'Malta', 'Hamburg', 'Bavaria', 'Bavarian',
];

/** Countries outside the EU/EEA/UK and their adjectives: their regulators are not European ones. */
export const NON_EUROPE = [
  'Brazil', 'Brazilian', 'Australia', 'Australian', 'Canada', 'Canadian', 'Korea', 'Korean', 'Japan', 'Japanese', 'India',
  'Indian', 'China', 'Chinese', 'Singapore', 'Kenya', 'Kenyan', 'Argentina', 'Argentine', 'Turkey', 'Turkish', 'Switzerland',
  'Swiss', 'South Africa', 'South African', 'Nigeria', 'Nigerian', 'Mexico', 'Mexican', 'Israel', 'Israeli', 'Saudi',
  'Thailand', 'Thai', 'Philippines', 'Indonesia', 'Indonesian', 'Malaysia', 'Malaysian', 'Vietnam', 'Vietnamese',
  'New Zealand', 'Hong Kong', 'Colombia', 'Chile', 'Peru', 'Quebec',
];

/** Privacy, data-protection, cyber or AI regulators acting on named parties (enforcement). */
export const REGULATORS = [
  'FTC', 'Federal Trade Commission', 'DPA', 'DPAs', 'ICO', "ICO's", 'Information Commissioner',
  "Information Commissioner's Office", 'CNIL', 'data protection authority', 'data protection authorities',
  'Data Protection Commission', 'Data Protection Commissioner', 'DPC', 'supervisory authority',
  'supervisory authorities', 'Supervisory Authority', 'data watchdog', 'privacy watchdog',
  'data protection watchdog', 'data regulator', 'privacy regulator', 'watchdog', 'regulator', 'EDPB', 'Garante',
  'AEPD', 'IMY', 'Datatilsynet', 'OCR', 'Office for Civil Rights', 'HHS', 'SEC',
  'Securities and Exchange Commission', 'attorney general', 'attorneys general', 'Attorney General', 'AG', 'AGs',
  "AG's", 'DOJ', 'Department of Justice', 'Justice Department', 'CPPA', 'California Privacy Protection Agency',
  'CFPB', 'Consumer Financial Protection Bureau', 'FCC', 'Ofcom', 'privacy commissioner', 'Privacy Commissioner',
  'OAIC', 'NYDFS', 'Department of Financial Services', 'Office of the Privacy Commissioner', 'OPC', 'ANPD', 'PIPC',
  'Personal Information Protection Commission', 'PDPC', 'Personal Data Protection Commission', 'Cyberspace Administration',
  'data protection board', 'Data Protection Board',
];

/** Words that make a text about personal data. */
export const PERSONAL_DATA = [
  'data', 'personal data', 'personal information', 'information', 'records', 'customer data', 'user data',
  'customers', 'customer', 'users', 'patients', 'students', 'employees', 'passwords', 'Social Security number{,s}',
  'account holders', 'members', 'people', 'Americans', 'consumers',
];
