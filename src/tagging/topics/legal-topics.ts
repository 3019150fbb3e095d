/**
 * Legal-regime and event topics: gdpr, us-state-law, legislation, enforcement, lawsuit.
 * Definitions decide the label; phrases are recall aids, rules encode the labelling rules of docs/tagging.md.
 */
import type { TopicDefinition } from '../topic-definition.js';
import { EUROPE, NON_EUROPE, REGULATORS, US_STATES } from './shared-phrases.js';

/** Words of other fields' cases (competition, bribery, securities fraud, patents): their fines and suits are not privacy ones (L2). */
const OTHER_FIELDS = ['merger', 'mergers', 'price-fixing', 'cartel', 'bribery', 'FCPA', 'anti-bribery', 'insider trading',
  'securities fraud', 'accounting fraud', 'patent{,s}', 'trade secret{,s}'];

/** Competition (antitrust) authorities: their cases are not data protection. */
const COMPETITION = ['Competition and Markets Authority', 'competition authority', 'competition regulator', 'antitrust', 'CMA'];

/** Law words that put a state's own statute or law-makers near its name (L11). */
const STATE_LAW_WORDS = ['law', 'laws', '=Act', '=Code', 'bill', 'bills', 'statute', 'legislature', 'legislators', 'lawmakers', 'governor',
  'Governor', 'signed', 'Senate Bill', 'Assembly Bill', 'House Bill', 'state legislature', 'regulations', 'passed', "state's"];

/** What a state law must be about to be privacy law. */
const STATE_PRIVACY_SUBJECTS = ['privacy', 'data', 'biometric{,s}', 'consent', 'social media', 'age verification', 'age-appropriate design',
  'Age-Appropriate Design', 'surveillance', 'face recognition', 'facial recognition', 'artificial intelligence', 'AI', 'minors', 'children',
  'child', 'kids', 'teens', 'eavesdropping', 'wiretap{,ping}', 'tracking', 'personal information', 'online safety'];

const gdpr: TopicDefinition = {
  id: 'gdpr',
  label: 'GDPR & EU/UK data protection',
  definition:
    'The legal frame is the GDPR or UK GDPR, EU ePrivacy/cookie rules, or an EU/EEA/UK data-protection body (EDPB, EDPS, CJEU data-protection rulings, CNIL, Irish DPC, Garante, AEPD, Dutch AP, ICO).',
  phrases: [
    'GDPR', 'UK GDPR', 'General Data Protection Regulation', 'EDPB', 'European Data Protection Board', 'EDPS',
    'European Data Protection Supervisor', 'CNIL', 'Garante', 'AEPD', 'Irish DPC', 'Dutch DPA',
    'Autoriteit Persoonsgegevens', 'Information Commissioner', "Information Commissioner's Office", 'CJEU',
    'Court of Justice of the European Union', 'Schrems', 'ePrivacy', 'e-Privacy', 'ePrivacy Directive',
    'one-stop-shop', 'one-stop shop', 'Data Protection Act 2018', 'Data Protection Commission', 'IMY',
    'Datatilsynet', 'Hamburg data protection', 'BfDI',
  ],
  // Other countries' commissioners share the UK title.
  exclude: ['Australian Information Commissioner', 'Information Commissioner of Canada'],
  rules: [
    // Acronyms shared with other fields (ICO = coin offering, DPA = prosecution agreement).
    // Another country's DPA (Brazil's, Korea's) is not an EU/UK body.
    { none: NON_EUROPE, all: [['ICO', "ICO's", 'DPA', 'DPAs', 'DPC', 'data protection authority', 'data protection authorities', 'supervisory authority', 'supervisory authorities', 'data protection regulator{,s}'], ['data', 'privacy', 'personal', 'fine{,s,d}', 'reprimand{,s,ed}', 'investigation', 'complaints', 'enforcement', 'decision', 'guidance', ...EUROPE]] },
    { all: [['data protection', 'privacy law{,s}', 'privacy rules'], EUROPE], near: 6 },
    // A competition authority looking at cookies is an antitrust case, not data protection (L10).
    { all: [['data watchdog', 'privacy watchdog', 'data protection watchdog', 'data regulator{,s}', 'data supervisor{,s}', 'privacy regulator{,s}', 'data protection law{,s}', 'data protection rules', 'cookie{,s}', 'legitimate interest{,s}'], EUROPE], none: COMPETITION },
    // Transfers out of Europe are governed by GDPR Chapter V.
    { all: [['data transfer{,s}', 'data flows', 'transfer framework', 'adequacy', 'transferring user data', 'transfers of personal data', 'Privacy Shield', 'Data Privacy Framework'], EUROPE] },
  ],
};

const usStateLaw: TopicDefinition = {
  id: 'us-state-law',
  label: 'US state privacy law',
  definition:
    'US state privacy statutes and rules, and actions by state regulators or AGs: comprehensive laws (CCPA/CPRA, VCDPA, CTDPA), BIPA, My Health My Data, the Delete Act, state age-verification and social-media laws, CPPA rulemaking and enforcement, state-court privacy rulings.',
  phrases: [
    'CCPA', 'CPRA', 'California Consumer Privacy Act', 'California Privacy Rights Act', 'California Privacy Protection Agency',
    'CPPA', 'CalPrivacy', 'Cal Privacy', 'BIPA', 'Biometric Information Privacy Act', 'My Health My Data', 'Delete Act',
    'VCDPA', 'CDPA', 'CTDPA', 'Colorado Privacy Act', 'Virginia Consumer Data Protection Act', 'Connecticut Data Privacy Act',
    'Texas Data Privacy and Security Act', 'Utah Consumer Privacy Act', 'New York Privacy Act', 'SHIELD Act',
    'state privacy law{,s}', 'state privacy legislation', 'state privacy bill{,s}', 'state consumer privacy law{,s}',
    'comprehensive privacy law{,s}', 'comprehensive state privacy', 'state attorney{,s} general', 'state AG{,s}',
    'Colorado AI Act', 'Colorado Artificial Intelligence Act', 'CUBI', 'Consumer Data Protection Act',
  ],
  exclude: [
    'Secretary of State', 'State Department', 'Department of State', 'Washington Post', 'New York Times', 'FTC Act',
    // Cities are not states (L11: city ordinances are not state law).
    'New York City', 'Kansas City', 'Oklahoma City', 'Carson City', 'Jefferson City', 'Iowa City', 'Atlantic City',
    ...US_STATES.map((state) => `${state}-based`),
  ],
  rules: [
    // A state's statute or law-makers: the state name close to a law word (L11).
    { all: [US_STATES, STATE_LAW_WORDS, STATE_PRIVACY_SUBJECTS], near: 10 },
    // A state as the enforcer: its attorney general, or the state itself suing.
    { all: [US_STATES, ['attorney general', 'Attorney General', 'AG', "AG's", 'is suing', 'sues', 'sued', 'files lawsuit', 'filed a lawsuit', 'filed suit'], STATE_PRIVACY_SUBJECTS], near: 12 },
    // A state's own courts; a federal court sitting in a state applies federal law (L11).
    { all: [US_STATES, ['Supreme Court', 'Superior Court', 'state court', 'Court of Appeal{,s}', 'appeals court', 'appellate court'], STATE_PRIVACY_SUBJECTS], near: 3 },
  ],
};

// Law-making news about a law already passed is background when the item is a suit or a fine (L4, L5).
const BACKGROUND = ['lawsuit', 'enforcement'];
const NOT_BINDING = ['white paper', 'guidance', 'code of practice', 'voluntary', 'withdrew', 'withdraws', 'withdrawn', 'scrapped',
  'blueprint', 'Blueprint', 'Bill of Rights', 'policy statement'];

const legislation: TopicDefinition = {
  id: 'legislation',
  label: 'Laws, bills & rulemaking',
  definition:
    'Law-making events on privacy, data, cyber, AI or online-safety law in any jurisdiction: bill introduced, advanced, passed or signed; law or provisions taking effect; proposed or final binding regulations; executive orders.',
  // No strong phrases: law-making words say nothing about privacy, so every rule needs the scope
  // gate (L2: a farm bill signed into law is not privacy news).
  phrases: [],
  exclude: ['General Data Protection Regulation', 'Data Protection Act 2018', 'White House', 'Safe Harbor'],
  rules: [
    {
      event: true,
      all: [
        ['signed into law', 'signs into law', 'final rule', 'proposed rule', 'notice of proposed rulemaking', 'rulemaking',
          'executive order', 'draft regulations', 'proposed regulations', 'final regulations', 'reauthorization',
          'reauthorize', 'reauthorise', 'comes into force', 'come into force', 'enters into force', 'entered into force',
          'enter into force', 'takes effect', 'take effect', 'now in effect', 'goes into effect', 'go into effect',
          'becomes effective', 'introduced legislation', 'introducing legislation', 'legislative proposal', 'draft bill',
          'draft law', 'new law{,s}', 'Royal Assent', 'become law', 'becomes law', 'coming into force', 'coming into effect',
          'come into effect', 'comes into effect', 'enters into application', 'enter into application', 'becomes applicable',
          'apply from', 'applies from'],
      ],
      none: ['blueprint', 'Blueprint'],
    },
    // The same events told in the past tense are background in a suit or a fine.
    { event: true, all: [['came into force', 'took effect', 'went into effect', 'came into effect', 'became law', 'was signed']], unlessTopics: BACKGROUND },
    // "New requirements effective 1 January": provisions taking effect.
    { event: true, all: [['law', 'laws', 'requirements', 'provisions', 'rules', 'regulations', '=Act'], ['effective', 'in effect']], near: 3 },
    // A city council or legislature voting a ban is law-making too.
    { event: true, all: [['ban', 'bans', 'moratorium', 'ordinance'], ['voted', 'votes', 'passes', 'passed', 'City Council', 'council', 'legislature', 'lawmakers']], near: 6 },
    {
      event: true,
      all: [
        ['bill', 'bills', '=Bill', '=Bills', '=Act', '=ACT', 'legislation', 'law', 'laws', 'regulation{,s}', 'rule{,s}',
          'ordinance', 'amendment{,s}', 'statute', 'H.R.', 'directive', '=Directive', 'decree{,s}'],
        ['pass', 'notif{y,ies,ied}', 'finalize{,s,d}', 'finalise{,s,d}', 'finalizing', 'approve{,s,d}', 'approval', 'vote{,s,d}', 'advance{,s,d}', 'debating', 'debates', 'proposed', 'proposal', 'propose{,s}',
          'marked up', 'Congress', 'Senate', 'House', 'Parliament', 'legislature', 'lawmakers', 'legislators',
          'senator{,s}', 'Senators', 'governor', 'Governor', 'implementing', 'implementation', 'veto{,es,ed}', "governor's desk",
          'heads to', 'committee', 'unanimously'],
      ],
      // Guidance, white papers and frameworks are not law-making events (L5); nor is a withdrawn rule.
      none: NOT_BINDING,
      near: 12,
      unlessTopics: BACKGROUND,
    },
    {
      event: true,
      all: [
        ['bill', 'bills', '=Bill', '=Bills', '=Act', '=ACT', 'legislation', 'law', 'laws', 'regulation{,s}', 'ordinance', 'statute'],
        ['introduce{,s,d}', 'introducing', 'passed', 'passes', 'signed', 'signs', 'enact{,s,ed}', 'adopted', 'adopts'],
      ],
      none: NOT_BINDING,
      near: 30,
      unlessTopics: BACKGROUND,
    },
    { event: true, all: [['bill would', 'bills would', 'legislation would', 'act would', 'law would', 'bill that would', 'bill to', 'bill aims']] },
  ],
};

// An agency amicus brief in a private suit is lawsuit only (L4); fining guidance, advisories and policy statements
// address no named party; a complaint lodged with a regulator is not yet an action.
const NO_ACTION = ['amicus', 'fining guidance', 'penalty guidance', 'enforcement guidance', 'complaint with', 'complaints with',
  'lodged a complaint', 'lodges a complaint', 'submitted a complaint', 'complaint made to', 'complaint to', 'complaints to',
  'advisory', 'Advisory', 'policy statement', 'antitrust', 'monopoly', ...OTHER_FIELDS];

const enforcement: TopicDefinition = {
  id: 'enforcement',
  label: 'Regulatory enforcement',
  definition:
    'Privacy, data or cyber regulators acting against named parties: fines, penalties, orders, settlements or consent decrees, investigations, audits, sweeps, formal warnings (FTC, DPAs, ICO, HHS OCR, SEC cyber, state AGs). A government lawsuit is both enforcement and lawsuit.',
  phrases: [],
  // Audits a law requires of companies are duties, not a regulator acting.
  exclude: ['law enforcement', 'class action', 'enforcement regime', 'cybersecurity audit{,s}', 'security audit{,s}', 'audit requirements',
    'Immigration and Customs Enforcement', 'adequacy decision{,s}'],
  rules: [
    {
      event: true,
      all: [
        ['fine{,s,d}', 'fining', 'penalty', 'penalties', 'civil penalties', 'sanction{,s,ed}', 'settlement{,s}',
          'settle{,s,d}', 'agreed to pay', 'order', 'orders', 'ordered', 'consent order', 'consent decree',
          'consent agreement', 'actions', 'investigation{,s}', 'investigate{,s,d}', 'investigating', 'probe{,s}', 'inquiry',
          'audit{,s}', 'sweep', 'warning{,s}', 'reprimand{,s,ed}', 'enforcement action{,s}', 'enforcement notice{,s}',
          'action against', 'takes action', 'took action', 'action', 'charges', 'administrative complaint',
          'complaint against', 'resolution agreement{,s}', 'corrective action', 'sues', 'sued', 'lawsuit',
          'filed a lawsuit', 'ban', 'bans', 'banned', 'bars', 'barred', 'slaps'],
        REGULATORS,
      ],
      // An agency amicus brief in a private suit is lawsuit only (L4); fining guidance is no action.
      none: NO_ACTION,
    },
    // A regulator's finding or decision against a party (the Australian commissioner "found" a breach of the rules).
    { event: true, all: [['found', 'finds', 'finding', 'determination', 'decision', 'ruling', 'demanded', 'ordered'], REGULATORS], near: 12, none: NO_ACTION },
    // A state suing over data: the state is the enforcer (L4, L11).
    { event: true, all: [[...US_STATES, 'state of'], ['filed a lawsuit', 'files lawsuit', 'sues', 'sued', 'is suing'], ['data', 'privacy', 'biometric', 'children', 'child', 'minors', 'kids', 'teens']], near: 4 },
  ],
};

const lawsuit: TopicDefinition = {
  id: 'lawsuit',
  label: 'Litigation & court rulings',
  definition:
    'Privacy/data/AI-related litigation: suits filed, class actions, settlements in court, jury verdicts, judgments, appeals, amicus briefs, constitutional challenges, CJEU/General Court rulings.',
  phrases: ['CJEU', 'Court of Justice', 'General Court', 'amicus brief', 'amicus'],
  exclude: ['court order{,s}', 'threaten{,s,ed} to sue', 'threatened lawsuit', 'threat of a lawsuit', 'could sue', 'may sue', 'tennis court', 'food court'],
  rules: [
    {
      event: true,
      all: [
        ['lawsuit{,s}', 'sue{,s,d}', 'suing', 'class action{,s}', 'class-action', 'court', 'courts', 'courtroom', 'judge',
          'ruled', 'rules that', 'verdict', 'jury', 'appeal{,s}', 'appeals court', 'injunction', 'district court',
          'Supreme Court', 'litigation', 'plaintiff{,s}', 'filed suit', 'judgment', 'struck down', 'unconstitutional',
          'upheld', 'legal challenge'],
      ],
      none: OTHER_FIELDS,
    },
    // "Ruling" and a filed complaint are a court's only when no regulator is the one ruling or receiving it (L4).
    { event: true, all: [['ruling', 'complaint filed', 'filed a complaint']], none: ['complaint made to', 'complaint to', 'complaints to', 'complaint with', 'complaints with', ...REGULATORS] },
    // The Justice Department filing a complaint for an agency is the government suing (L4).
    { event: true, all: [['DOJ', 'Department of Justice', 'Justice Department'], ['filed a complaint', 'complaint filed', 'filed suit']], near: 10 },
  ],
};

/** The legal-regime and event topics, in taxonomy order. */
export const legalTopics: TopicDefinition[] = [gdpr, usStateLaw, legislation, enforcement, lawsuit];
