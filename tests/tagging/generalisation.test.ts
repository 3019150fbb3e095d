import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/tagging/tagger.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';

const tagger = createTagger(defaultTopics());

// Written examples of patterns a keyword tagger gets wrong (invented headlines, not labelled items):
// the misses a new user reported, and hard negatives that share a topic's words but not its meaning.
// `has` must all be assigned, `not` must all be absent; `none` means no topic at all.
const cases: { rule: string; title: string; description?: string; has?: string[]; not?: string[]; none?: true }[] = [
  {
    rule: 'L9 an AI chatbot leaking people’s conversations has a personal-data angle',
    title: 'Clinic’s AI triage chatbot leaked thousands of patient conversations',
    description: 'Transcripts of symptom chats were readable by anyone with the link.',
    has: ['ai', 'health'],
  },
  {
    rule: 'L11 a federal class action filed in a state is litigation, not state law',
    title: 'Shoppers file federal class action in Ohio over checkout tracking pixels',
    description: 'The suit, filed in the U.S. District Court in Columbus, says the retailer shared browsing data with Meta.',
    has: ['lawsuit', 'adtech'],
    not: ['us-state-law'],
  },
  {
    rule: 'L11 a federal judge blocking a state statute is state law and litigation',
    title: 'Federal judge blocks Arkansas social media age verification law',
    has: ['lawsuit', 'us-state-law', 'children'],
    not: ['legislation'],
  },
  {
    rule: 'adtech: a device maker sharing what people watch with advertisers',
    title: 'Smart-TV maker shared owners’ viewing data with advertisers without consent',
    has: ['adtech'],
  },
  {
    rule: 'L9 chip-maker earnings are AI industry news, not AI governance',
    title: 'Chipmaker’s AI revenue doubles on data center demand',
    description: 'Quarterly earnings beat forecasts as cloud firms keep buying AI chips.',
    none: true,
  },
  {
    rule: 'transfers trap: a sports transfer window',
    title: 'Striker’s transfer to Italian club agreed before the window closes',
    description: 'Performance data convinced the club to pay the fee.',
    not: ['transfers'],
  },
  {
    rule: 'transfers: personal data sent outside Europe',
    title: 'Airline transferred passenger data outside the EU without safeguards, regulator finds',
    has: ['transfers'],
  },
  {
    rule: 'L8 disease surveillance watches outbreaks, not people',
    title: 'State expands flu surveillance with new data dashboard',
    description: 'Wastewater samples track the outbreak week by week.',
    not: ['surveillance'],
  },
  {
    rule: 'L8 spyware turned on journalists is surveillance',
    title: 'Spyware found on phones of two reporters critical of the government',
    has: ['surveillance', 'security'],
  },
  {
    rule: 'security trap: a security firm changing hands is no security subject',
    title: 'Software giant agrees to buy cybersecurity firm in $3bn deal',
    none: true,
  },
  {
    rule: 'L6 a dam breach near where people live is no data breach',
    title: 'Dam breached after storms, thousands of people told to leave',
    none: true,
  },
  {
    rule: 'L6 "breached privacy rules" is an infringement; the regulator finding it is enforcement',
    title: 'Privacy commissioner finds retailer breached privacy rules with face scanning',
    has: ['biometrics', 'enforcement'],
    not: ['breach'],
  },
  {
    rule: 'L10 a competition authority looking at cookies is not data protection',
    title: 'Competition authority opens probe into browser plan to drop third-party cookies in the UK',
    has: ['adtech'],
    not: ['gdpr', 'enforcement'],
  },
  {
    rule: 'L10 another country’s DPA is not a European one',
    title: 'Brazilian DPA fines telecom over data protection failures',
    has: ['enforcement'],
    not: ['gdpr'],
  },
  {
    rule: 'L4 a complaint lodged with a regulator is neither enforcement nor litigation',
    title: 'Rights group submitted a complaint to the data protection authority over shop cameras',
    description: 'The complaint made to the regulator says the facial recognition system is unlawful.',
    has: ['biometrics'],
    not: ['enforcement', 'lawsuit'],
  },
  {
    rule: 'L5 a non-binding blueprint is not legislation',
    title: 'Government unveils blueprint for AI rights and data protection',
    not: ['legislation'],
  },
  {
    rule: 'L12 parents alone do not make an item about minors',
    title: 'School district confirms hackers stole staff and parents’ contact data',
    has: ['breach', 'education'],
    not: ['children'],
  },
  {
    rule: 'health trap: ancient DNA is science, not health data',
    title: 'Ancient DNA from Bronze Age graves rewrites migration history',
    none: true,
  },
  {
    rule: 'biometrics trap: a phone’s fingerprint sensor is product news',
    title: 'Review: the new phone’s fingerprint sensor is faster than ever',
    none: true,
  },
  {
    rule: 'L2 a court case with only "data" to show for it is another field’s news',
    title: 'Court sides with supplier in dispute over sales data',
    description: 'The judge said the retailer must pay for the reports it used.',
    none: true,
  },
  {
    rule: 'L2 a suit beside a subject topic still counts with only "data" as scope',
    title: 'Parents sue app maker over data collected from children',
    has: ['children', 'lawsuit'],
  },
  {
    rule: 'security: a flaw patched in device software',
    title: 'Router maker patches flaw that let attackers take over devices',
    has: ['security'],
  },
  {
    rule: 'adtech trap: cookies the food, sold online',
    title: 'Bakery starts selling cookies online with next-day delivery',
    none: true,
  },
];

describe('generalisation: reported misses and hard negatives', () => {
  it.each(cases)('$rule', ({ title, description, has = [], not = [], none }) => {
    const result = tagger.tag({ title, description });
    if (none) expect(result.topics, JSON.stringify(result.why)).toEqual([]);
    for (const t of has) expect(result.topics, JSON.stringify(result.why)).toContain(t);
    for (const t of not) expect(result.topics, JSON.stringify(result.why)).not.toContain(t);
  });
});

describe('generalisation: jurisdictions', () => {
  const jurisdictionsOf = (title: string, description?: string) => tagger.tag({ title, description }).jurisdictions;

  it('does not take an attacker’s or a company’s nationality for the item’s jurisdiction (J1)', () => {
    expect(jurisdictionsOf('Russian hackers stole patient records from Ohio hospital chain')).toEqual(['us']);
    expect(jurisdictionsOf('Israeli spyware maker added to export blacklist by Commerce Department')).toEqual(['us']);
  });

  it('counts a nationality adjective before a public body, law or the people affected (J1)', () => {
    expect(jurisdictionsOf('French regulator fines retailer over customer data')).toEqual(['eu']);
    expect(jurisdictionsOf('App exposed data of Japanese users')).toEqual(['apac']);
  });

  it('does not count the country data is sent to as the item’s jurisdiction (J1)', () => {
    expect(jurisdictionsOf('Dutch watchdog fines ride app for sending user data to China')).toEqual(['eu']);
  });

  it('reads "U.S. $" as a currency, not a place (J3)', () => {
    expect(jurisdictionsOf('Swedish DPA fines insurer 30 million krona (U.S. $3 million) for exposing customer data')).toEqual(['eu']);
  });

  it('uses "federal" only when no country is named (J1)', () => {
    expect(jurisdictionsOf('Australian Federal Police get new powers to hack suspects’ phones')).toEqual(['apac']);
    expect(jurisdictionsOf('Federal judge orders app to stop selling location data')).toEqual(['us']);
  });

  it('places US states and cities (J1)', () => {
    expect(jurisdictionsOf('Kentucky privacy law takes effect')).toEqual(['us']);
    expect(jurisdictionsOf('Boston council bans police face recognition')).toEqual(['us']);
  });
});
