import type { TopicRef } from '../../src/commands/topic-resolver.js';

/** A slice of the taxonomy (src/tagging/topics/) for command tests. */
export const TEST_TOPICS: TopicRef[] = [
  { id: 'ai', label: 'AI & automated decisions', definition: 'Governance of AI systems.' },
  { id: 'gdpr', label: 'GDPR & EU/UK data protection', definition: 'GDPR and EU/UK regulators.' },
  { id: 'us-state-law', label: 'US state privacy law', definition: 'US state privacy statutes.' },
  { id: 'lawsuit', label: 'Litigation & court rulings', definition: 'Privacy litigation.' },
  { id: 'breach', label: 'Data breaches & leaks', definition: 'Personal data exposed.' },
  { id: 'biometrics', label: 'Biometrics & facial recognition', definition: 'Biometric identifiers.' },
  { id: 'data-brokers', label: 'Data brokers & data sales', definition: 'Selling personal data.' },
];
