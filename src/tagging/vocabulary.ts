/**
 * The scope gate's vocabulary (docs/tagging.md L2: topics apply only to privacy, data-protection,
 * cybersecurity or AI-governance news) and the jurisdiction tags' place names.
 */
import type { TaggingVocabulary } from './topic-definition.js';
import { US_STATES } from './topics/shared-phrases.js';

// Countries that privacy news mostly names as where data goes or attacks come from.
const DESTINATIONS = ['China', 'Russia', 'Iran', 'North Korea', 'India', 'Israel', 'Hong Kong', 'Singapore', 'Vietnam'];

/** Default scope words and jurisdiction phrases. */
export const defaultVocabulary: TaggingVocabulary = {
  scope: [
    'privacy', 'private data', 'personal data', 'personal information', 'personally identifiable',
    'PII', 'data protection', 'cybersecurity', 'cyber', 'cyber-related', 'cyberattack{,s}', 'hacker{,s}',
    'hacked', 'surveillance', 'spyware', 'encryption', 'biometric{,s}',
    'surveil', 'confidential information', 'information security', 'consumer information',
    'online safety', 'Online Safety Act', 'facial recognition', 'face recognition', 'incognito',
    // "Data" about people is privacy news even though "data" alone is not.
    'user data', "users' data", 'customer data', "customers' data", 'consumer data', 'patient data', 'personal details',
    'sensitive data', 'location data', 'health data', 'browsing data', 'viewing data', 'phone data', 'data collection',
    'collected data', 'data sharing', 'data security', 'data privacy', 'data rights', 'data subject{,s}', 'data of',
    'their data', 'your data', "people's data", "children's data", "students' data", "employees' data",
  ],
  genericScope: ['data', 'records', 'tracking', 'consent'],
  scopeExclude: [
    'data center{,s}', 'data centre{,s}', 'economic data', 'market data', 'weather data',
    // Public-health surveillance watches diseases, not people.
    'disease surveillance', 'flu surveillance', 'virus surveillance', 'wastewater surveillance', 'sewage surveillance',
    'public health surveillance', 'surveillance program for', 'genomic surveillance',
  ],
  jurisdictions: {
    us: [
      'U.S.', 'US', 'USA', 'U.S.A.', 'United States', 'America', 'Americans', 'FTC', 'Federal Trade Commission', 'Congress',
      'congressional', 'HHS', 'SEC', 'FCC', 'DOJ', 'Department of Justice', 'Justice Department', 'CCPA', 'CPRA', 'CPPA',
      'CalPrivacy', 'BIPA', 'HIPAA', 'COPPA', 'FERPA', 'FISA', 'NSA', 'EEOC', 'NLRB', 'CFPB', 'NIST', 'CISA', 'FDA', 'TSA',
      'White House', 'Biden', 'Trump', 'Obama', 'DHS', 'ICE', 'CBP', 'FBI', 'Pentagon', 'Secret Service', 'Veterans Affairs',
      'Commerce Department', 'Department of Commerce', 'Department of Health and Human Services', 'Homeland Security',
      'Federal Communications Commission', 'Securities and Exchange Commission', 'National Labor Relations Board',
      'Consumer Financial Protection Bureau', 'Customs and Border Protection', 'Immigration and Customs Enforcement',
      'NYDFS', 'First Amendment', 'Fourth Amendment', 'Dobbs', 'Roe v. Wade', 'Ninth Circuit', 'Second Circuit',
      'Third Circuit', 'Fifth Circuit', 'Seventh Circuit', 'Eleventh Circuit', 'D.C. Circuit', 'DC Circuit', 'N.D. Cal',
      'S.D.N.Y', 'TCPA', 'VPPA', 'Video Privacy Protection Act', 'Telephone Consumer Protection Act', 'Wiretap Act',
      'Electronic Communications Privacy Act', 'Stored Communications Act', 'CLOUD Act', 'Section 702', 'KOSA',
      'Kids Online Safety Act', 'American Privacy Rights Act', 'Delete Act', 'My Health My Data', 'CFAA', 'Section 230',
      'Department of Education', 'Education Department', 'Department of Defense', 'State Department', 'IRS', 'Medicare',
      'Medicaid', 'NHTSA', 'FAA', 'USDA', 'Capitol Hill', 'Social Security Administration', 'Federal Reserve',
      ...US_STATES,
      // Cities name the place an item happens; a city ordinance is still US law.
      'Washington, D.C.', 'Washington D.C.', 'New York City', 'NYC', 'Los Angeles', 'San Francisco', 'Chicago', 'Boston',
      'Seattle', 'Minneapolis', 'Dallas', 'Houston', 'Austin', 'Atlanta', 'Miami', 'Philadelphia', 'Detroit', 'Denver',
      'Phoenix', 'Portland', 'San Diego', 'San Jose', 'Oakland', 'Baltimore', 'Sacramento', 'New Orleans', 'Pittsburgh',
      'Nashville', 'Las Vegas', 'Silicon Valley',
    ],
    eu: [
      'EU', 'E.U.', 'European Union', 'EEA', 'European Commission', 'European Parliament', 'GDPR', 'EDPB', 'EDPS',
      'CJEU', 'Court of Justice', 'CNIL', 'Garante', 'AEPD', 'Irish DPC', 'Data Protection Commission', 'IMY',
      'Datatilsynet', 'Autoriteit Persoonsgegevens', 'BfDI', 'noyb', 'NOYB', 'ePrivacy', 'EU AI Act', 'AI Act', 'NIS2',
      'Digital Services Act', 'Digital Markets Act', 'Schrems', 'Brussels', 'France', 'Germany', 'Ireland', 'Italy',
      'Spain', 'Netherlands', 'Sweden', 'Norway', 'Finland', 'Denmark', 'Belgium', 'Austria', 'Poland', 'Portugal',
      'Greece', 'Luxembourg', 'Hungary', 'Czech Republic', 'Romania', 'Bulgaria', 'Croatia', 'Slovakia', 'Slovenia',
      'Estonia', 'Latvia', 'Lithuania', 'Iceland', 'Liechtenstein', 'Cyprus', 'Malta', 'Paris', 'Berlin', 'Dublin',
      'Rome', 'Madrid', 'Amsterdam', 'The Hague', 'Stockholm', 'Vienna', 'Hamburg', 'Bavaria', 'MEP', 'MEPs', 'Europol',
      'ENISA', 'Council of the EU', 'European Council', 'Strasbourg', 'Munich', 'Milan', 'Barcelona', 'Lisbon', 'Copenhagen',
      'Oslo', 'Helsinki', 'Warsaw', 'Prague', 'Budapest', 'Athens', 'Baden-Württemberg', 'Bundeskartellamt'
    ],
    uk: [
      'UK', 'U.K.', 'United Kingdom', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'ICO', "ICO's",
      "Information Commissioner's Office", 'Ofcom', 'UK GDPR', 'NHS', 'Investigatory Powers Act', 'Investigatory Powers',
      'Online Safety Act', 'Online Safety Bill', 'Data Protection Act 2018', 'Competition and Markets Authority',
      'Home Office', 'House of Lords', 'House of Commons', 'Westminster', 'Metropolitan Police', 'Royal Assent',
      'London', 'Manchester', 'Birmingham', 'Edinburgh', 'Glasgow', 'Cardiff', 'Belfast', 'Leeds', 'Liverpool', 'GCHQ',
      'MI5', 'MI6', 'Downing Street', 'Scotland Yard', 'Met Police', 'Home Secretary', 'DSIT', 'Bristol', 'Sheffield',
      'Newcastle', 'Nottingham',
    ],
    apac: [
      'China', 'Beijing', 'Shanghai', 'Shenzhen', 'Hong Kong', 'India', 'New Delhi', 'Delhi', 'Mumbai', 'Bengaluru',
      'Japan', 'Tokyo', 'Korea', 'South Korea', 'Seoul', 'Australia', 'Sydney', 'Melbourne', 'Canberra', 'New Zealand',
      'Singapore', 'Taiwan', 'Indonesia', 'Vietnam', 'Philippines', 'Thailand', 'Malaysia', 'Pakistan', 'Bangladesh',
      'OAIC', 'PIPL', 'PIPC', 'DPDP', 'Digital Personal Data Protection', 'CERT-In', 'MeitY', 'Cyberspace Administration',
      'Reserve Bank of India', 'RBI', 'APPI', 'PDPA', 'PCPD', 'Aadhaar', 'ASEAN', 'APEC', 'Korea Communications Commission',
      'Osaka', 'Busan', 'Auckland', 'Wellington', 'Brisbane', 'Perth', 'Adelaide', 'Jakarta', 'Manila', 'Bangkok',
      'Kuala Lumpur', 'Hanoi', 'Taipei', 'Chennai', 'Hyderabad', 'Kolkata', 'Karachi', 'Lahore', 'Islamabad', 'Dhaka',
      'Cambodia', 'Myanmar', 'Nepal', 'Sri Lanka', 'Macau', 'Fiji',
    ],
    intl: [
      'Canada', 'Quebec', 'Ontario', 'Ottawa', 'Toronto', 'British Columbia', 'PIPEDA', 'Brazil', 'LGPD', 'ANPD', 'Mexico',
      'Argentina', 'Chile', 'Colombia', 'Peru', 'Russia', 'Moscow', 'Israel', 'Turkey', 'Türkiye', 'South Africa',
      'Nigeria', 'Kenya', 'Egypt', 'Saudi Arabia', 'UAE', 'Dubai', 'Qatar', 'Switzerland', 'Ukraine', 'Iran',
      'United Nations', 'UN', 'OECD', 'G7', 'G20', 'Council of Europe', 'Interpol', 'Office of the Privacy Commissioner of Canada',
      'Privacy Commissioner of Canada', 'Uruguay', 'Ecuador', 'Venezuela', 'Cuba', 'Panama', 'Costa Rica', 'Guatemala',
      'Jamaica', 'Bermuda', 'Morocco', 'Tunisia', 'Algeria', 'Ghana', 'Ethiopia', 'Uganda', 'Tanzania', 'Rwanda',
      'Zimbabwe', 'Zambia', 'Senegal', 'Lebanon', 'Jordan', 'Iraq', 'Bahrain', 'Kuwait', 'Oman', 'Serbia', 'Belarus',
      'Armenia', 'Azerbaijan', 'Kazakhstan', 'Uzbekistan', 'Moldova', 'Albania', 'Vancouver', 'Montreal', 'São Paulo',
      'Rio de Janeiro', 'Buenos Aires', 'Mexico City', 'Bogotá', 'Tel Aviv', 'Jerusalem', 'Istanbul', 'Ankara',
      'Johannesburg', 'Cape Town', 'Lagos', 'Nairobi', 'Cairo', 'Riyadh', 'Abu Dhabi', 'Doha', 'Geneva', 'Zurich', 'Kyiv',
      'Tehran', 'ICANN', 'UNESCO', 'World Bank', 'IMF',
    ],
  },
  jurisdictionAdjectives: {
    us: ['American'],
    eu: [
      'European', 'French', 'German', 'Irish', 'Italian', 'Spanish', 'Dutch', 'Swedish', 'Norwegian', 'Finnish', 'Danish',
      'Belgian', 'Austrian', 'Polish', 'Portuguese', 'Greek', 'Hungarian', 'Czech', 'Romanian', 'Croatian',
    ],
    uk: ['British', 'Scottish', 'Welsh'],
    apac: [
      'Chinese', 'Indian', 'Japanese', 'Korean', 'South Korean', 'Australian', 'Singaporean', 'Taiwanese', 'Vietnamese',
      'Indonesian', 'Malaysian', 'Thai', 'Filipino', 'Pakistani',
    ],
    intl: [
      'Canadian', 'Brazilian', 'Mexican', 'Russian', 'Israeli', 'Turkish', 'Kenyan', 'Nigerian', 'South African', 'Saudi',
      'Swiss', 'Argentine', 'Chilean', 'Colombian', 'Ukrainian', 'Iranian',
    ],
  },
  publicNouns: [
    'government', "government's", 'governments', 'authorities', 'authority', 'regulator{,s}', 'regulatory', 'watchdog{,s}',
    'court{,s}', 'Supreme Court', 'judge{,s}', 'law{,s}', 'legislation', 'lawmakers', 'legislators', 'parliament',
    'National Assembly', 'Federal Council', 'police', 'Federal Police', 'ministry', 'minister', 'officials', 'agency',
    'agencies', 'commission', 'data protection', 'privacy', 'DPA', 'DPAs', 'data protection authority',
    'data protection authorities', 'Information Commissioner', 'Privacy Commissioner', 'prosecutors', 'Senate',
    'Congress', 'president', 'prime minister', 'competition authority', 'LGPD', 'GDPR', 'regulations', 'rules',
    'users', 'citizens', 'residents', 'consumers', 'customers', 'people', 'patients', 'students', 'children',
    'employees', 'workers', 'voters',
  ],
  weakJurisdictions: {
    // A "federal" body or the "Supreme Court" is American unless the text names another country
    // (the Australian Federal Police, the Swiss Federal Council, Korea's top court).
    us: ['federal', 'Supreme Court', 'Senate', 'attorney general', 'Attorney General', 'state law{,s}'],
    uk: ['Information Commissioner', 'High Court'],
    eu: ['Europe', "Europe's"],
    intl: ['international', 'global', 'globally', 'worldwide', 'around the world'],
  },
  jurisdictionExclude: [
    'Latin America', 'South America', 'Central America', 'North America', 'Bank of America', 'American Express',
    'American Airlines', 'state-sponsored', 'state-backed', 'government-backed', 'government-linked', 'state-linked',
    // A country a company sends data to, or an attack is traced to, is not where the item's law applies.
    ...DESTINATIONS.flatMap((place) => [`to ${place}`, `based in ${place}`]),
  ],
};
