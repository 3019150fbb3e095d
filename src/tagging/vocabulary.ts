/**
 * The scope gate's vocabulary (docs/tagging.md L2: topics apply only to privacy, data-protection,
 * cybersecurity or AI-governance news) and the jurisdiction tags' place names.
 */
import type { TaggingVocabulary } from './topic-definition.js';

/** Default scope words and jurisdiction phrases. */
export const defaultVocabulary: TaggingVocabulary = {
  scope: [
    'privacy', 'private data', 'data', 'personal data', 'personal information', 'personally identifiable',
    'PII', 'data protection', 'cybersecurity', 'cyber', 'cyber-related', 'cyberattack{,s}', 'hacker{,s}',
    'hacked', 'surveillance', 'spyware', 'encryption', 'biometric{,s}', 'consent',
    'surveil', 'confidential information', 'information security', 'records', 'consumer information',
    'online safety', 'Online Safety Act', 'facial recognition', 'face recognition', 'tracking', 'incognito',
  ],
  scopeExclude: ['data center{,s}', 'data centre{,s}', 'economic data', 'market data', 'weather data'],
  jurisdictions: {
    us: [
      'U.S.', 'US', 'USA', 'United States', 'America', 'American{,s}', 'FTC', 'Federal Trade Commission', 'Congress',
      'Senate', 'HHS', 'SEC', 'FCC', 'DOJ', 'Department of Justice', 'CCPA', 'CPRA', 'CPPA', 'BIPA', 'HIPAA',
      'COPPA', 'FERPA', 'FISA', 'NSA', 'California', 'Texas', 'Illinois', 'Colorado', 'Virginia', 'Utah',
      'New York', 'Massachusetts', 'Minnesota', 'Connecticut', 'Washington state', 'Oregon', 'Florida', 'EEOC',
      'federal', 'White House', 'Biden', 'Trump', 'DHS', 'ICE', 'CBP', 'FBI',
    ],
    eu: [
      'EU', 'E.U.', 'European Union', 'EEA', 'European Commission', 'European Parliament', 'GDPR', 'EDPB', 'EDPS',
      'CJEU', 'Court of Justice', 'CNIL', 'Garante', 'AEPD', 'Irish DPC', 'Data Protection Commission', 'France',
      'French', 'Germany', 'German', 'Ireland', 'Irish', 'Italy', 'Italian', 'Spain', 'Spanish', 'Netherlands',
      'Dutch', 'Sweden', 'Swedish', 'Norway', 'Norwegian', 'Finland', 'Denmark', 'Belgium', 'Austria', 'Poland',
      'EU AI Act', 'Brussels', 'Europe', 'European',
    ],
    uk: [
      'UK', 'U.K.', 'United Kingdom', 'Britain', 'British', 'England', 'Scotland', 'Wales', 'ICO',
      'Information Commissioner', 'Ofcom', 'UK GDPR', 'NHS', 'Investigatory Powers Act',
      'Data Protection Act 2018', 'London',
    ],
    apac: [
      'China', 'Chinese', 'Beijing', 'Shanghai', 'Hong Kong', 'India', 'Indian', 'Japan', 'Japanese', 'Korea',
      'Korean', 'Australia', 'Australian', 'New Zealand', 'Singapore', 'Taiwan', 'Indonesia', 'Vietnam',
      'Philippines', 'Thailand', 'Malaysia', 'OAIC', 'PIPL', 'PIPC', 'DPDP',
    ],
    intl: [
      'Canada', 'Canadian', 'Brazil', 'Brazilian', 'LGPD', 'Mexico', 'Argentina', 'Chile', 'Colombia', 'Russia',
      'Russian', 'Israel', 'Israeli', 'Turkey', 'South Africa', 'Nigeria', 'Kenya', 'Saudi', 'UAE', 'Dubai',
      'United Nations', 'UN', 'OECD', 'G7', 'international', 'global', 'worldwide', 'PIPEDA',
    ],
  },
};
