/**
 * Subject topics: ai, children, education, health, employment, adtech, data-brokers, transfers.
 * Definitions decide the label; rules encode docs/tagging.md L9 (ai needs a governance, legal or personal-data
 * angle) and L12 (children only when minors are explicit).
 */
import type { TopicDefinition } from '../topic-definition.js';

const AI_WORDS = [
  'AI', 'A.I.', 'artificial intelligence', 'machine learning', 'algorithm{,s}', 'algorithmic', 'chatbot{,s}', 'ChatGPT',
  'OpenAI', 'LLM{,s}', 'large language model{,s}', 'generative AI', 'automated systems', 'profiling', 'AI model{,s}',
  'AI system{,s}', 'AI tool{,s}', 'AI-powered', 'AI-driven', 'facial analysis',
];

const AI_INDUSTRY = ['chip', 'chips', 'chipmaker', 'chip-maker', 'semiconductor{,s}', 'earnings', 'revenue', 'valuation', 'shares',
  'stock', 'investors', 'funding round', 'quarterly', 'data center{,s}', 'data centre{,s}'];

const ai: TopicDefinition = {
  id: 'ai',
  label: 'AI & automated decisions',
  definition:
    "Governance, regulation or litigation of AI systems; AI's use of personal data (training, chatbots' user data); automated decision-making, profiling, algorithmic hiring, deepfake laws.",
  phrases: [
    'AI Act', 'Artificial Intelligence Act', 'AI law{,s}', 'AI regulation{,s}', 'AI legislation', 'AI governance',
    'AI Office', 'AI policy', 'AI policies', 'AI safety', 'AI bill{,s}', 'AI executive order', 'AI rules', 'high-risk AI',
    'general-purpose AI', 'frontier AI', 'automated decision-making', 'automated decision making', 'automated decisions',
    'automated decision-making technology', 'ADMT', 'algorithmic discrimination', 'algorithmic bias', 'AI bias',
    'algorithmic accountability', 'algorithmic hiring', 'deepfake{,s}', 'deep fake{,s}', 'AI-generated',
    'train AI', 'train AI models', 'training AI', 'AI training', 'train its AI', 'training data', 'AI hiring',
    'AI resume screening', 'AI Liability', 'responsible AI', 'trustworthy AI', 'AI ethics', 'AI risk{,s}',
    'algorithmic management', 'automated management', 'automated employment decision tool{,s}', 'high-impact AI',
  ],
  // Company names and the facial-recognition firm are not AI governance (L9).
  exclude: ['Clearview AI', "Clearview AI's", 'Scale AI', 'Stability AI', 'Mistral AI', 'Perplexity AI', 'Inflection AI'],
  rules: [
    {
      // AI plus a governance or legal word is AI-governance news by itself (L2, L9).
      all: [
        AI_WORDS,
        ['regulate{,s,d}', 'regulating', 'regulation{,s}', 'regulator{,s}', 'regulatory', 'legislation', 'lawmakers',
          'governance', 'lawsuit{,s}', 'sued', 'sue{,s}', 'suing', 'court', 'courtroom', 'privacy', 'personal data',
          'personal information', 'user data', 'data protection', 'discrimination', 'discriminatory', 'bias', 'biased',
          'consent', 'ethics', 'oversight', 'accountability', 'FTC', 'EEOC', 'liability', 'GDPR', 'anti-discrimination'],
      ],
      selfScoped: true,
      // Chips, earnings and valuations: AI as an industry is not AI governance (L9).
      none: AI_INDUSTRY,
    },
    {
      // Close to a law word, or to people's conversations or records leaking: a legal or personal-data angle (L9).
      all: [
        AI_WORDS,
        ['law', 'laws', 'bill', 'bills', '=Act', 'unlawful', 'fundamental rights', 'accountable', 'patient data', 'medical records',
          'health records', 'leak', 'leaks', 'leaked', 'leaking', 'exposed', 'exposing', 'conversations', 'chats', 'chat logs',
          'transcripts', 'user prompts'],
      ],
      selfScoped: true,
      near: 8,
      none: AI_INDUSTRY,
    },
    {
      all: [
        AI_WORDS,
        ['transparency', 'European Commission', 'Congress', 'Senate', 'agencies', 'ban', 'banned', 'copyright', 'rules',
          'policy', 'government', 'safety', 'risks'],
      ],
      near: 10,
      none: AI_INDUSTRY,
    },
  ],
};

const CHILD_WORDS = [
  'children', "children's", 'child', 'kids', "kids'", 'minors', "minors'", 'a minor', 'teen', 'teens', 'teenager{,s}',
  'under 13', 'under 14', 'under 16', 'under 18', 'youth', 'young people', "young people's", 'underage',
  '{8,9,10,11,12,13,14,15,16,17}-year-old{,s}',
];

const children: TopicDefinition = {
  id: 'children',
  label: 'Children & teens',
  definition:
    "Privacy and online safety of minors: COPPA, age verification and parental-consent laws, children's codes, teen accounts, fines about children's data, child online-safety incidents. The text must explicitly refer to minors, children, teens, K-12 or COPPA.",
  phrases: [
    'COPPA', "Children's Online Privacy Protection", 'age verification', 'age assurance', 'parental consent',
    'age-appropriate design', 'Age Appropriate Design Code', "Children's Code", 'KOSA', 'Kids Online Safety Act',
    'sexting', "children's privacy", 'child privacy', "children's data", "kids' data", "minors' data", 'teen accounts',
    'child sexual abuse', 'CSAM', 'K-12', 'online safety of children', 'child safety',
  ],
  exclude: ['parent company', 'child process', 'child processes', 'child company', 'minor changes', 'minor league'],
  rules: [
    {
      all: [
        CHILD_WORDS,
        ['privacy', 'data', 'online', 'social media', 'app', 'apps', 'platform{,s}', 'biometric{,s}', 'tracking',
          'personal information', 'accounts', 'advertising', 'surveillance', 'internet', 'chatbot{,s}'],
      ],
      // Minors near online services is children's online safety by itself (definition).
      selfScoped: true,
      near: 12,
    },
    { all: [CHILD_WORDS, ['investigated', 'safety', 'monitoring', 'monitors', 'spy', 'spying', 'consent', 'remote learning']], near: 12 },
  ],
};

const education: TopicDefinition = {
  id: 'education',
  label: 'Education & students',
  definition:
    'Student and school/university data: FERPA, edtech, student information systems, school monitoring tools, campus breaches, higher-ed privacy.',
  phrases: [
    'FERPA', 'Family Educational Rights and Privacy Act', 'edtech', 'ed tech', 'ed-tech', 'student data', 'student privacy',
    'student information system{,s}', 'PowerSchool', 'school monitoring', 'student monitoring', 'educational platform{,s}',
    'education platform{,s}', 'education technology', 'learning platform{,s}', 'student records', 'K-12',
  ],
  exclude: ['law student{,s}'],
  rules: [
    {
      all: [
        ['student{,s}', "students'", 'school{,s}', 'school district{,s}', 'school system{,s}', 'campus', 'classroom{,s}',
          'alumni', 'teacher{,s}', 'higher education', 'higher ed'],
        ['data', 'privacy', 'monitoring', 'surveillance', 'breach', 'records', 'personal information', 'tracking', 'apps',
          'software', 'tools', 'flagging', 'biometric{,s}', 'facial recognition', 'cameras', 'hack', 'hacked', 'exposed'],
      ],
      near: 10,
    },
    // Software that watches students is student-data news by itself (L8: school monitoring is education).
    { all: [['student{,s}', "students'", 'school{,s}', 'classroom{,s}', 'school-issued'], ['monitors', 'monitoring', 'monitor', 'spy', 'spying', 'surveillance', 'flags', 'flagging', 'scans']], near: 10, selfScoped: true },
    // A university or college hit by an incident; a study by university researchers is not student data.
    { all: [['university', 'universities', 'college{,s}'], ['breach', 'hack', 'hacked', 'hackers', 'exposed', 'cyberattack', 'ransomware', 'leak', 'leaked', 'students', 'student data', 'records']], near: 10, none: ['researchers', 'study'] },
  ],
};

const health: TopicDefinition = {
  id: 'health',
  label: 'Health & genetic data',
  definition:
    'Health, medical, mental-health, reproductive or genetic data: HIPAA/OCR, health apps and telehealth, health-site tracking pixels, genetic testing firms, contact tracing.',
  phrases: [
    'HIPAA', 'health data', 'health information', 'medical records', 'medical data', 'protected health information', 'PHI',
    'ePHI', 'telehealth', 'mental health', 'reproductive', 'abortion', 'Dobbs', 'period tracker{,s}', 'period-tracking',
    'genetic data', 'genetic information', 'genetic testing', 'genetic test{,s}', 'DNA testing', 'DNA test{,s}', 'DNA data',
    '23andMe', 'health app{,s}', 'health privacy', 'contact tracing', 'My Health My Data',
    'health care-related data', 'health-related data', 'healthcare data', 'patient data', 'health records',
  ],
  exclude: ['economic health', 'financial health', 'health of the economy', 'health of the market', 'health check'],
  rules: [
    {
      all: [
        ['hospital{,s}', 'patient{,s}', 'healthcare', 'health care', 'health-care', 'medical', 'NHS', 'HHS', 'National Health Service',
          'Department of Health and Human Services', 'Office for Civil Rights', 'clinic{,s}', 'pharmacy', 'biotech'],
        ['data', 'privacy', 'records', 'information', 'breach{,es}', 'ransomware', 'tracking', 'pixel{,s}', 'exposed',
          'cyberattack', 'investigations', 'leaked'],
      ],
      near: 12,
    },
    // Genetic material of ancient graves or a tumour is science; people's genetic data is health data.
    { all: [['genetic', 'DNA'], ['privacy', 'data', 'customers', 'consumers', 'users', 'testing', 'company', 'firm', 'database', 'profiles', 'ancestry']], near: 6 },
  ],
};

const EMPLOYMENT_WORDS = [
  'employee{,s}', "employees'", 'employer{,s}', 'workplace{,s}', 'worker{,s}', "workers'", 'hiring', 'applicants', 'EEOC',
  'NLRB', 'HR department', 'gig workers', 'staff', 'employment',
];

const employment: TopicDefinition = {
  id: 'employment',
  label: 'Workplace & worker data',
  definition:
    "Employee and worker personal data: workplace monitoring/bossware, HR data, workers' biometrics, AI in hiring and firing, gig-worker data rights.",
  phrases: [
    'bossware', 'employee monitoring', 'employee surveillance', 'workplace surveillance', 'worker surveillance',
    'workplace monitoring', 'monitoring employees', 'monitoring workers', 'resume screening', 'résumé screening',
    'AI hiring', 'hiring algorithm{,s}', 'algorithmic hiring', 'automated hiring', 'employee privacy', 'workplace privacy',
    'hiring discrimination', 'job applicants', 'job seekers', 'payroll', 'automated employment decision{,s}',
  ],
  exclude: [],
  rules: [
    {
      all: [
        EMPLOYMENT_WORDS,
        ['monitoring', 'surveillance', 'biometric{,s}', 'tracking', 'tracks', 'background check{,s}', 'fingerprint{,s}',
          'timeclock{,s}', 'keystrokes', 'privacy', 'personal data', 'scanner{,s}'],
      ],
      // Watching workers is itself worker-data news.
      selfScoped: true,
      near: 8,
      // A breach that merely includes staff records is a breach story (taxonomy trap list).
      unlessTopics: ['breach'],
    },
    // Staff records exposed in a breach are a breach story, not workforce news (taxonomy trap list).
    { all: [['employee data', 'worker data', 'HR data', "employees' data", "workers' data", 'employee records']], unlessTopics: ['breach'] },
    // The EEOC alone is not hiring: AI words need a workplace or hiring word.
    { all: [EMPLOYMENT_WORDS.filter((w) => w !== 'EEOC'), ['AI', 'algorithm{,s}', 'algorithmic', 'screening', 'productivity']], near: 8, unlessTopics: ['breach'] },
  ],
};

const adtech: TopicDefinition = {
  id: 'adtech',
  label: 'Advertising & tracking',
  definition:
    'Online advertising and tracking: cookies and consent banners, tracking pixels/SDKs, targeted or behavioural ads, RTB, pay-or-consent, Privacy Sandbox, App Tracking Transparency.',
  phrases: [
    'adtech', 'ad tech', 'ad-tech', 'cookie banner{,s}', 'consent banner{,s}', 'third-party cookies', 'tracking cookies',
    'cookie consent', 'cookie law', 'cookie rules', 'tracking pixel{,s}', 'Meta Pixel', 'Facebook pixel', 'pixel tracking',
    'targeted advertising', 'targeted ads', 'targeted advert{s,isement,isements}', 'behavioral advertising', 'behavioural advertising', 'personalized ads',
    'personalised ads', 'personalized advertising', 'personalised advertising', 'real-time bidding', 'RTB',
    'pay or consent', 'pay-or-consent', 'consent or pay', 'Privacy Sandbox', 'App Tracking Transparency', 'app tracker{,s}',
    'app tracking', 'ad tracking', 'online tracking', 'web tracking', 'cross-site tracking', 'advertising ID',
    'surveillance advertising', 'ad targeting', 'tracking technologies', 'online behavioral advertising',
    'web tracker{,s}', 'online tracker{,s}', 'third-party tracker{,s}', 'ad tracker{,s}', 'persistent identifiers',
    'automatic content recognition', 'ad-tracking',
  ],
  exclude: ['package tracker', 'fitness tracker{,s}', 'activity tracker{,s}', 'period tracker{,s}', 'storm tracker'],
  rules: [
    // Cookies the food are baked, sold in shops and eaten (taxonomy trap list).
    { all: [['cookie{,s}', 'Cookies'], ['consent', 'website{,s}', 'browser{,s}', 'tracking', 'CNIL', 'refuse', 'accept', 'banner{,s}', 'GDPR', 'ePrivacy', 'online', 'users', 'rules']],
      none: ['bake', 'baked', 'baking', 'bakery', 'recipe{,s}', 'chocolate', 'dough', 'oven', 'dessert{,s}', 'biscuit{,s}', 'cookie shop', 'Girl Scout', 'snack{,s}'] },
    { all: [['tracking', 'track', 'tracker{,s}'], ['online', 'website{,s}', 'ads', 'advertising', 'advertisers', 'browsing', 'incognito', 'pixel{,s}', 'cookies', 'SDK{,s}', 'across apps', 'browser{,s}', 'Safari', 'Chrome']], near: 4 },
    // Personal data shared with or sold to advertisers (a TV maker's viewing data, a platform's user profiles).
    { all: [['advertisers', 'advertising partners', 'ad partners', 'ad networks', 'advertising networks', 'marketers'], ['sharing', 'shared', 'share', 'shares', 'sold', 'sell', 'sells', 'selling', 'disclosed', 'disclosing', 'handed', 'passed']], near: 8 },
  ],
};

const dataBrokers: TopicDefinition = {
  id: 'data-brokers',
  label: 'Data brokers & data sales',
  definition:
    'Brokering or selling personal data, including location-data markets, broker registries (Delete Act/DROP), government purchases of commercial data, and sale of customer data as an asset.',
  phrases: [
    'data broker{,s}', 'data brokerage', 'data brokering', 'people-search', 'people search', 'location data',
    'geolocation data', 'Gravy Analytics', 'Venntel', 'Mobilewalla', 'Kochava', 'Delete Act', 'broker registry',
    'data broker registry', "buying Americans' data", "Americans' data", 'data purchases', 'sale of personal data',
    'selling personal data', 'sold personal data', 'sell personal data', 'sells personal data', 'selling data',
    'sell your data', 'sell user data', 'selling user data', 'sale of customer data', 'sold to third parties',
  ],
  exclude: [],
  rules: [
    {
      all: [
        ['sell', 'sells', 'selling', 'sold', 'sale', 'buy', 'buys', 'buying', 'bought', 'purchase{,s,d}', 'purchasing', 'market'],
        ['data', 'personal data', 'customer data', 'user data', 'your data', 'personal information', 'location'],
      ],
      near: 4,
      // Stolen data offered for sale is a breach, not a market (L6); financial market data is no personal data.
      none: ['dark web', 'hackers', 'stolen', 'data center{,s}', 'market data', 'economic data', 'stock market', 'stocks', 'shares'],
    },
    // Agencies buying commercially sold data (definition: government purchases of commercial data).
    { all: [['commercial', 'commercially'], ['data', 'information'], ['buy', 'buys', 'buying', 'bought', 'purchase{,s,d}', 'purchasing', 'procure', 'procuring', 'procured', 'sold']], near: 8 },
  ],
};

const transfers: TopicDefinition = {
  id: 'transfers',
  label: 'International data transfers',
  definition:
    'Cross-border transfers and data sovereignty: adequacy decisions (EU-US DPF), SCCs, Schrems, transfers to China/Russia, U.S. rules on bulk data going to countries of concern, localisation.',
  phrases: [
    'data transfer{,s}', 'transfer of personal data', 'transfers of personal data', 'cross-border data',
    'cross-border transfer{,s}', 'cross-border data flows', 'data flows', 'Data Privacy Framework', 'DPF', 'Privacy Shield',
    'Safe Harbor', 'adequacy decision{,s}', 'adequacy', 'SCC{,s}', 'standard contractual clauses', 'Schrems',
    'Chapter V', 'countries of concern', 'bulk sensitive data', 'bulk sensitive personal data', 'data localization',
    'data localisation', 'data sovereignty', 'transfer framework', 'international transfers', 'transferring user data',
    'Bulk Data Rule', 'bulk data rule', 'local storage of data', 'localization requirement{,s}', 'data residency',
    'Binding Corporate Rules', 'BCRs', 'data export{,s}', 'export of personal data', 'outbound data', 'EU-US Data Privacy Framework',
    'EU-U.S. Data Privacy Framework', 'transatlantic data', 'Trans-Atlantic Data Privacy Framework', 'foreign adversary controlled',
    'localisation requirement{,s}',
  ],
  exclude: [],
  rules: [
    {
      all: [
        ['transfer{,s}', 'transferred', 'transferring', 'sent', 'flow{,s}', 'access to', 'accessed', 'accessible', 'accessing', 'routing', 'stored', 'storage'],
        ['China', 'Chinese', 'Russia', 'Russian', 'abroad', 'overseas', 'third countries', 'foreign adversaries', 'foreign adversary'],
        ['data', 'personal information'],
      ],
      near: 10,
    },
    // Data moved out of a legal area: "transferred outside the EU", "sent to servers overseas".
    {
      all: [
        ['transfer{,s}', 'transferred', 'transferring', 'export{,s,ed,ing}', 'send', 'sending', 'sent', 'move', 'moving', 'moved', 'stored', 'store', 'storing', 'hosted'],
        ['outside the EU', 'outside Europe', 'outside the European Union', 'outside the EEA', 'to the US', 'to the U.S.', 'to the United States',
          'to third countries', 'outside the country', 'across borders', 'servers abroad', 'servers overseas', 'foreign servers', 'local servers',
          'servers in', 'onshore', 'offshore'],
        ['data', 'personal information', 'records'],
      ],
      near: 10,
      none: ['money', 'funds', 'payment{,s}', 'bank transfer{,s}', 'wire transfer{,s}', 'player{,s}', 'transfer window', 'transfer portal'],
    },
  ],
};

/** Subject topics, in taxonomy order (ai first). */
export const subjectTopics: TopicDefinition[] = [ai, children, education, health, employment, adtech, dataBrokers, transfers];
