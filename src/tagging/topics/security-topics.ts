/**
 * Incident and security topics: breach, security, surveillance, biometrics.
 * Definitions decide the label; rules encode docs/tagging.md L6 (breach needs exposed data), L7 (security vs
 * breach) and L8 (surveillance is the state's, plus spyware).
 */
import type { TopicDefinition } from '../topic-definition.js';
import { PERSONAL_DATA } from './shared-phrases.js';

const breach: TopicDefinition = {
  id: 'breach',
  label: 'Data breaches & leaks',
  definition:
    'Incidents where personal data was accessed, stolen, exposed or leaked (hacks, ransomware with data theft, misconfigured databases, insider leaks), including breach notifications and breach-driven fines and suits.',
  phrases: [
    'data breach{,es}', 'data leak{,s}', 'breach notification{,s}', 'hackers stole', 'stolen data', 'data theft',
    'dark web', 'unauthorized access', 'unauthorised access', 'data security incident', 'security incident',
    'leaked data', 'data exposure', 'exposed database', 'misconfigured database', 'millions of records',
    'ransomware breach{,es}', 'cyber breach', 'breach of personal data', 'personal data breach{,es}',
    'data was stolen', 'data were stolen', 'theft of personal data', 'notification letters', 'credential stuffing',
  ],
  // "Breach" meaning infringement never counts (L6).
  exclude: [
    'breach of', 'breaches of', 'in breach', 'GDPR breach{,es}', 'privacy breach{,es}', 'breach of contract',
    'breach of duty', 'breached the law', 'levee breach{,es}', 'dam breach{,es}', 'breached a levee',
    'breached the levee', 'breached a dam', 'trust is breached', 'trust was breached', 'sea wall',
    'breached privacy', 'breached provisions', 'breached its obligations', 'breached data protection', 'breached the GDPR',
    'breached GDPR', 'breached the Privacy Act', 'breached rules', 'dams breached', 'data center{,s}', 'data centre{,s}',
  ],
  rules: [
    {
      all: [
        ['breach', 'breaches', 'breached', 'hack', 'hacks', 'hacked', 'hackers', 'hacking', 'leak', 'leaks', 'leaked',
          'exposed', 'exposing', 'stole', 'stolen', 'theft', 'compromised', 'publicly accessible', 'accessible on the internet',
          'accessible online', 'cyberattack', 'cyber attack', 'cyber-attack', 'obtained access'],
        PERSONAL_DATA,
      ],
      near: 8,
      // Levees and dams breach, renders and memos leak, travellers are exposed to a virus: no personal data (L6).
      none: [
        'levee{,s}', 'dam', 'dams', 'flood', 'flooding', 'floodwaters', 'embankment', 'seawall', 'dike', 'renders', 'leaker', 'gas leak',
        'water leak', 'oil leak', 'memo', 'spoilers', 'unreleased', 'measles', 'virus', 'infection', 'infected', 'outbreak', 'radiation',
        'asbestos', 'toxic', 'life hack{,s}', 'growth hacking',
      ],
    },
  ],
};

const security: TopicDefinition = {
  id: 'security',
  label: 'Cybersecurity & encryption',
  definition:
    'Security of systems and communications apart from a specific personal-data leak: encryption and backdoors, vulnerabilities and exploits, malware, cyber-disclosure rules, security frameworks and audits, security failures.',
  phrases: [
    'encryption', 'end-to-end encrypted', 'end-to-end', 'encrypted messaging', 'encrypted messages', 'encrypted chats',
    'backdoor{,s}', 'Advanced Data Protection', 'vulnerability', 'vulnerabilities', 'exploit{,s}', 'zero-day{,s}',
    'malware', 'spyware', 'cybersecurity', 'cyber security', 'cyber-security', 'NIST CSF', 'Cybersecurity Framework',
    'Form 8-K', 'cyber incident{,s}', 'security audit{,s}', 'cybersecurity audit{,s}', "Let's Encrypt",
    'security patch{,es}', 'security program', 'information security', 'security lapses', 'security practices',
    'security requirements', 'security controls', 'security standards', 'phishing', 'two-factor',
    'multi-factor authentication', 'MFA', 'DDoS', 'botnet', 'cyber threat{,s}', 'threat information',
    'security researcher{,s}', 'cyber-related', 'cyber risk{,s}', 'cyber rules', 'passkey{,s}', 'Security Rule',
    'security hole{,s}', 'security bug{,s}', 'security update{,s}', 'CVE', 'infostealer{,s}', 'trojan{,s}',
    'supply chain attack{,s}', 'supply-chain attack{,s}', 'cyber resilience', 'Cyber Resilience Act', 'cyber hygiene',
    'penetration test{,s,ing}', 'bug bounty', 'post-quantum', 'quantum-safe', 'cryptography',
    'stalkerware', 'password manager{,s}', 'security breach notification', 'incident reporting', 'cyber attack{,s} reporting',
    'default password{,s}', 'CISO{,s}', 'SIM swap{,s,ping}', 'zero trust', 'hacking tool{,s}', 'cyber espionage', 'cyberespionage',
    'authentication', 'cyber defence', 'cyber defense', 'critical infrastructure',
    'NIS2', 'NIS Directive',
  ],
  exclude: [
    'Social Security', 'national security', 'National Security', 'job security', 'Security Council', 'Homeland Security',
    'security of its users', 'privacy and security', 'Security Division', 'data security incident', 'security incident',
    // Who a company is ("a cybersecurity firm") says nothing about an item's security subject; nor a "backdoor Roth".
    'cybersecurity firm{,s}', 'cybersecurity company', 'cybersecurity companies', 'cybersecurity specialist', 'cybersecurity startup',
    'cybersecurity stocks', 'backdoor Roth', 'Backdoor Roth', 'security guard{,s}', 'security checkpoint{,s}', 'security forces',
    'food security', 'financial security', 'border security', 'energy security', 'airport security', 'security deposit{,s}',
    'Transportation Security', 'security camera footage',
  ],
  rules: [
    // Flaws and patches in software or devices (a vulnerability by another name).
    {
      all: [
        ['flaw', 'flaws', 'bug', 'bugs', 'patch', 'patched', 'patches', 'patching'],
        ['software', 'firmware', 'router{,s}', 'devices', 'Windows', 'iOS', 'Android', 'Chrome', 'browser', 'server{,s}', 'app', 'apps',
          'update', 'updates'],
      ],
      near: 6,
    },
    // ... and flaws that attackers exploit are security news by themselves.
    { all: [['flaw', 'flaws', 'bug', 'bugs'], ['exploited', 'exploit', 'attackers', 'hackers', 'take over', 'remote code execution']], near: 8, selfScoped: true },
    // The US cyber agency warning about exploited flaws or ordering fixes.
    { all: [['CISA', 'Cybersecurity and Infrastructure Security Agency'], ['warns', 'warned', 'warning', 'advisory', 'directive', 'exploited', 'patch', 'orders']], near: 8, selfScoped: true },
    // Incident words mark security only when no data was exposed; otherwise it is a breach (L7).
    { all: [['ransomware', 'cyberattack{,s}', 'cyber attack{,s}', 'cyber-attack{,s}', 'security flaw{,s}', 'hack', 'hacked', 'hackers', 'hacking', 'attack on']], unlessTopics: ['breach'], selfScoped: true },
  ],
};

const PUBLIC_HEALTH = ['disease', 'outbreak', 'virus', 'coronavirus', 'COVID', 'influenza', 'bird flu', 'wastewater',
  'epidemiological', 'flu', 'measles'];

const surveillance: TopicDefinition = {
  id: 'surveillance',
  label: 'Government surveillance & spyware',
  definition:
    'Surveillance by the state, intelligence agencies or police: FISA 702, police tech (ALPR, drones, body cams, real-time crime centres, police face recognition), border device searches, government access or backdoor demands, commercial spyware such as Pegasus.',
  phrases: [
    'FISA', 'Section 702', 'NSA', 'National Security Agency', 'mass surveillance', 'government surveillance',
    'state surveillance', 'State Surveillance', 'police surveillance', 'surveillance state', 'warrantless',
    'license plate reader{,s}', 'licence plate reader{,s}', 'ALPR{,s}', 'body-worn camera{,s}', 'body camera{,s}',
    'body cam{,s}', 'real-time crime center{,s}', 'real-time crime centre{,s}', 'cell-site simulator{,s}', 'Stingray{,s}',
    'Pegasus', 'NSO', 'NSO Group', 'commercial spyware', 'mercenary spyware', 'government spyware',
    'Investigatory Powers Act', 'border search{,es}', 'device searches', 'intelligence agencies', 'intelligence agency',
    'Intelligence Committee', 'Foreign Intelligence Surveillance', 'PCLOB', 'surveillance hubs', 'predictive policing',
    'geofence warrant{,s}', 'keyword warrant{,s}', 'wiretap{,s,ping}', 'spy agency', 'spy agencies', 'GCHQ', 'MI5', 'Five Eyes',
    'Snowden', 'PRISM', 'bulk collection', 'metadata collection', 'lawful interception', 'lawful intercept', 'data retention law{,s}',
    'chat control', 'Chat Control', 'client-side scanning', "Snooper's Charter", "Snoopers' Charter", 'live facial recognition',
    'Paragon', 'Predator spyware', 'Intellexa', 'Candiru', 'FinFisher', 'tower dump{,s}', 'Fog Reveal', 'ShotSpotter',
    'Flock Safety', 'spy on', 'spying on', 'Investigatory Powers',
  ],
  exclude: ['employee surveillance', 'workplace surveillance', 'worker surveillance', 'aerial surveillance of', 'artificial intelligence',
    'Artificial Intelligence', 'data protection authority', 'data protection authorities', 'competition authority', 'supervisory authorities',
    'Data Protection Authority'],
  rules: [
    {
      all: [
        ['police', 'law enforcement', 'federal government', 'government use', 'government access', 'government agencies',
          'FBI', 'DHS', 'ICE', 'CBP', 'immigration', 'Immigration', 'Homeland Security', 'intelligence', 'Intelligence',
          'military', 'sheriff', "sheriff's", 'federal agents', 'border agents', 'Border Patrol', 'cops', 'deputies', 'army',
          'federal agencies', 'government', 'authorities', 'state security', 'prosecutors'],
        ['facial recognition', 'face recognition', 'Clearview', 'face search{,es}', 'surveillance', 'Surveillance', 'drone{,s}', 'biometric{,s}',
          'warrant{,s}', 'spyware', 'cameras', 'location data', 'buying data', 'data purchases', 'license plate', 'monitoring',
          'database', 'tracking', 'wiretap', 'phone records', 'backdoor{,s}', 'commercial data', 'commercially available',
          'telemetry data', 'device searches', 'spy', 'spying', 'CCTV', 'phone data', 'phone searches', 'snoop{,ing}', 'intercept{,ed,ion}',
          'eavesdrop{,ping}', 'GPS tracker{,s}', 'social media monitoring', 'monitor social media', 'cell phone{,s}', 'geolocation',
          'encrypted', 'encryption', 'hacking powers', 'data retention', 'predictive', 'phones', 'subpoena{,s}', 'DNA database{,s}'],
      ],
      // Police or agencies plus surveillance technology is state surveillance by itself (L8).
      selfScoped: true,
      near: 15,
    },
    // The bare word is the state's surveillance unless the text is about employers, schools or ads (L8).
    // Disease and public-health "surveillance" watches outbreaks, not people.
    { all: [['surveillance', 'Surveillance', 'surveil', 'surveilled', 'surveilling']], unlessTopics: ['employment', 'education', 'adtech'], none: PUBLIC_HEALTH },
    // Spyware turned on journalists, activists or opponents is state surveillance (definition).
    {
      all: [
        ['spyware'],
        ['journalist{,s}', 'activist{,s}', 'dissident{,s}', 'opposition', 'government{,s}', 'governments', 'police', 'agencies', 'authorities',
          'regime{,s}', 'state', 'politicians', 'critics', 'human rights'],
      ],
      selfScoped: true,
      near: 15,
    },
    // A government demanding access to encrypted messages is a state-access demand (definition).
    {
      all: [
        ['government', 'lawmakers', 'bill', '=Bill', 'law', 'police', 'authorities', 'ministers', 'intelligence'],
        ['break end-to-end encryption', 'break encryption', 'weaken encryption', 'undermine encryption', 'client-side scanning',
          'scan private messages', 'scanning private messages', 'chat control', 'Chat Control', 'lawful access', 'access to encrypted'],
      ],
      selfScoped: true,
      near: 25,
    },
  ],
};

const biometrics: TopicDefinition = {
  id: 'biometrics',
  label: 'Biometrics & facial recognition',
  definition:
    'Collection or use of biometric identifiers: face recognition or face templates, fingerprints, iris, voiceprints; biometric databases (Clearview), BIPA, biometric laws.',
  phrases: [
    'facial recognition', 'face recognition', 'face scan{,s}', 'face scanning', 'faceprint{,s}', 'biometric data',
    'biometric information', 'biometric identifiers', 'biometric privacy', 'biometric surveillance', 'biometric identification',
    'fingerprint scan{,s}', 'fingerprint scanning', 'iris scan{,s}', 'voiceprint{,s}', 'BIPA', 'Clearview', 'Clearview AI',
    'face template{,s}', 'facial geometry', 'facial age estimation', 'age estimation', 'retina scan{,s}', 'palm scan{,s}',
    'facial images', 'images of faces', 'face surveillance', 'facial biometrics', 'voice biometrics',
  ],
  exclude: ['browser fingerprinting', 'device fingerprinting', 'fingerprints on', 'fingerprints all over'],
  rules: [
    // "Biometrics" in fitness metrics is no identifier (taxonomy trap list): it needs a data or legal angle.
    {
      all: [
        ['biometric{,s}', 'Biometrics'],
        ['data', 'privacy', 'collection', 'collect', 'collecting', 'collected', 'consent', 'law', 'laws', 'database{,s}',
          'identification', 'identifiers', 'police', 'surveillance', 'immigration', 'border', 'lawsuit', 'children', 'kids',
          'employees', 'workers', 'scans', 'scanning'],
      ],
      near: 8,
    },
    // Fingerprints and irises with a data, legal or workplace angle; a phone's fingerprint sensor is product news.
    {
      all: [
        ['fingerprint{,s}', 'fingerprinting', 'iris', 'irises', 'finger-scan', 'finger scan{,s}'],
        ['data', 'privacy', 'collect', 'collected', 'collecting', 'collection', 'consent', 'law', 'stored', 'storing', 'database{,s}',
          'employees', 'workers', 'timekeeping', 'timeclock', 'police', 'scanned', 'scanning', 'scan', 'scans', 'harvesting', 'sign up',
          'identity', 'verification'],
      ],
      near: 10,
    },
  ],
};

/** Incident and security topics, in taxonomy order. */
export const securityTopics: TopicDefinition[] = [breach, security, surveillance, biometrics];
