import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/tagging/tagger.js';
import { defaultTopics } from '../../src/tagging/taxonomy.js';

const tagger = createTagger(defaultTopics());

// The false-positive traps and labelling rules of docs/tagging.md (L1-L12), as written examples (not dev items).
// `has` must all be assigned, `not` must all be absent; `none` means no topic at all.
const cases: { rule: string; title: string; description?: string; has?: string[]; not?: string[]; none?: true }[] = [
  { rule: 'L2 scope: breach of contract suit outside privacy', title: 'Supplier sued for breach of contract over late deliveries', none: true },
  { rule: 'L6 breach of contract is no data breach', title: 'Data firm sued for breach of contract after privacy dispute', has: ['lawsuit'], not: ['breach'] },
  { rule: 'L6 GDPR breaches are infringements', title: 'Regulator fines bank for GDPR breaches in marketing emails', has: ['gdpr', 'enforcement'], not: ['breach'] },
  { rule: 'L6 privacy breaches are infringements', title: 'UK watchdog reprimands council for privacy breaches', description: "The ICO said the council broke data protection law.", has: ['gdpr', 'enforcement'], not: ['breach'] },
  { rule: 'L6 levee breach', title: 'Levee breach floods farmland after storm', description: 'The river breached a levee on Sunday.', none: true },
  { rule: 'L6 a real breach', title: 'Hospital confirms data breach exposing patient records', has: ['breach', 'health'] },
  { rule: 'security trap: Social Security number', title: 'Hackers stole Social Security numbers of 2 million customers', has: ['breach'], not: ['security'] },
  { rule: 'security trap: national security and Security Council', title: 'Security Council debates national security strategy', none: true },
  { rule: 'security trap: job security', title: 'Company promises job security for warehouse staff', none: true },
  { rule: 'L7 ransomware without data exposure is security only', title: 'Ransomware attack disrupts city services', description: 'Officials restored systems from backups.', has: ['security'], not: ['breach'] },
  { rule: 'ai trap: substring', title: 'Shanghai startup raises funding', description: 'Investors from Dubai, Thailand and Hawaii joined the round.', none: true },
  { rule: 'ai trap: .ai domain', title: 'Otter.ai adds new transcription features', description: 'The company at otter.ai shipped an update.', none: true },
  { rule: 'L9 Clearview AI is a company; face recognition is biometrics', title: 'Clearview AI fined by Italian Garante over facial recognition database', has: ['biometrics', 'gdpr', 'enforcement'], not: ['ai'] },
  { rule: 'L9 AI chip funding is out of scope', title: 'Chipmaker raises $2bn to build AI accelerators', description: 'The AI chip startup announced a new funding round.', none: true },
  { rule: 'L9 AI product launch is out of scope', title: 'OpenAI launches a faster model', description: 'The new model is available to subscribers.', none: true },
  { rule: 'L9 AI regulation is ai', title: 'Lawmakers agree on rules for high-risk AI systems', has: ['ai'] },
  { rule: 'enforcement trap: law enforcement', title: 'Law enforcement agencies expand license plate reader network', has: ['surveillance'], not: ['enforcement'] },
  { rule: 'enforcement trap: anti-bribery', title: 'FCPA enforcement: company settles bribery charges with DOJ', description: 'The settlement resolves a long investigation.', none: true },
  { rule: 'enforcement trap: consumer-law penalty', title: 'Phone maker to pay $14m over misleading waterproof claims', none: true },
  { rule: 'L4 agency amicus brief is lawsuit only', title: 'FTC files amicus brief in children’s privacy case', description: 'The agency argues COPPA limits arbitration.', has: ['lawsuit', 'children'], not: ['enforcement'] },
  { rule: 'L4 government lawsuit is enforcement and lawsuit', title: 'Texas AG sues carmaker over selling driver data', has: ['enforcement', 'lawsuit', 'us-state-law'] },
  { rule: 'lawsuit trap: threatened suit', title: 'Activist threatens to sue over privacy policy', not: ['lawsuit'] },
  { rule: 'lawsuit trap: sports court', title: 'Tennis court resurfacing finished', none: true },
  { rule: 'L5 guidance is not legislation', title: 'Regulator publishes guidance on AI and data protection', not: ['legislation'] },
  { rule: 'L5 a signed law is legislation', title: 'California governor signs age verification law for social media', has: ['legislation', 'us-state-law', 'children'] },
  { rule: 'L8 employer monitoring is employment', title: "Employer monitoring software tracks remote workers' keystrokes", description: 'Critics call it workplace surveillance.', has: ['employment'], not: ['surveillance'] },
  { rule: 'employment trap: staff data in a breach is breach', title: 'Hackers leak employee data', description: 'Staff records were exposed in the breach.', has: ['breach'], not: ['employment'] },
  { rule: 'L8 a workers\' suit over scanners is employment, not surveillance', title: 'Workers sue Amazon over warehouse scanner surveillance', has: ['employment', 'lawsuit'], not: ['surveillance'] },
  { rule: 'L8 school monitoring is education', title: 'School district deploys student monitoring tool that scans emails', description: 'The surveillance software flags keywords.', has: ['education'], not: ['surveillance'] },
  { rule: 'L8 police face recognition is surveillance', title: 'Police use of facial recognition expands', has: ['surveillance', 'biometrics'] },
  { rule: 'adtech trap: parcel tracking', title: 'Track your parcel with the new delivery tracking app', none: true },
  { rule: 'adtech trap: cookies the food', title: 'Bake sale: cookies and cakes for charity', none: true },
  { rule: 'us-state-law trap: Secretary of State', title: 'Secretary of State visits Texas', description: 'The Secretary of State met officials.', none: true },
  { rule: 'children trap: parent company', title: 'Parent company of social network reports earnings', none: true },
  { rule: 'children trap: child process', title: 'A child process crashed in the runtime', none: true },
  { rule: 'L12 students alone is education, not children', title: 'University confirms breach of student data', has: ['education'], not: ['children'] },
  { rule: 'health trap: economic health', title: 'Economic health of the tech sector improves', none: true },
  { rule: 'biometrics trap: fitness metrics', title: 'New smartwatch tracks your heart health', description: 'The device measures biometrics such as heart rate.', none: true },
  { rule: 'transfers', title: 'Senate passes bill banning data transfers to China', has: ['transfers', 'legislation'] },
  { rule: 'data-brokers trap: stolen data for sale', title: 'Stolen police database offered for sale on the dark web', has: ['breach'], not: ['data-brokers'] },
];

describe('taxonomy traps and labelling rules', () => {
  it.each(cases)('$rule', ({ title, description, has = [], not = [], none }) => {
    const result = tagger.tag({ title, description });
    if (none) expect(result.topics).toEqual([]);
    for (const t of has) expect(result.topics, JSON.stringify(result.why)).toContain(t);
    for (const t of not) expect(result.topics, JSON.stringify(result.why)).not.toContain(t);
  });

  it('judges title and description only: content is used only when the description is missing', () => {
    const withDescription = tagger.tag({ title: 'Weekly roundup', description: 'Notes from the week.', content: 'A data breach exposed customer records.' });
    expect(withDescription.topics).toEqual([]);
    const withoutDescription = tagger.tag({ title: 'Weekly roundup', content: 'A data breach exposed customer records.' });
    expect(withoutDescription.topics).toContain('breach');
  });

  it('never matches a phrase across the title/description boundary', () => {
    const result = tagger.tag({ title: 'Company shares new data', description: 'Breach of contract claims dropped by privacy group' });
    expect(result.topics).not.toContain('breach');
  });

  it('applies rule proximity: words far apart do not combine', () => {
    const far = 'Children enjoyed the summer fair with music, games, food stalls, rides, dancing and a parade downtown while organisers discussed online ticket sales data.';
    expect(tagger.tag({ title: 'Summer fair', description: far }).topics).not.toContain('children');
    expect(tagger.tag({ title: 'Summer fair', description: 'Children’s online privacy is at risk.' }).topics).toContain('children');
  });

  it('strips markup before judging', () => {
    const result = tagger.tag({ title: 'News', description: '<p>Hackers stole <b>customer data</b> in a &quot;data breach&quot;</p>' });
    expect(result.topics).toContain('breach');
    expect(result.why.breach).toContain('data breach');
  });

  it('adds jurisdiction tags for in-scope items only', () => {
    expect(tagger.tag({ title: 'CNIL fines retailer over cookie banners' }).jurisdictions).toEqual(['eu']);
    expect(tagger.tag({ title: 'ICO reprimands council over data protection failures' }).jurisdictions).toEqual(['uk']);
    expect(tagger.tag({ title: 'Weather in France is sunny' }).jurisdictions).toEqual([]);
  });
});
