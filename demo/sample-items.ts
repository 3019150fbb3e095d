/**
 * Invented privacy-news items for the offline demo (no publisher's text is copied). The first
 * ones are the backlog a new feed already has; the rest are "published" while the demo runs.
 */
export interface SampleItem {
  feed: 'demo-regulator' | 'demo-newsroom' | 'demo-blog';
  title: string;
  description: string;
}

export const BACKLOG: SampleItem[] = [
  { feed: 'demo-regulator', title: 'Data protection authority fines retailer €2.4 million over loyalty-card profiling', description: 'The supervisory authority found the retailer processed customers’ purchase histories for profiling without a lawful basis under Article 6 GDPR.' },
  { feed: 'demo-regulator', title: 'Regulator opens investigation into school attendance app', description: 'The investigation concerns how the app shares pupils’ location data with third parties.' },
  { feed: 'demo-newsroom', title: 'Hospital network confirms data breach affecting 300,000 patients', description: 'Hackers stole names, dates of birth and medical record numbers in a ransomware attack last month, the network said.' },
  { feed: 'demo-newsroom', title: 'State senate passes biometric privacy bill', description: 'The bill would require consent before companies collect fingerprints or face scans, and gives residents a right to sue.' },
  { feed: 'demo-blog', title: 'What the new AI Act guidance means for university chatbots', description: 'Universities deploying generative AI chatbots should check whether student conversations are used as training data.' },
  { feed: 'demo-blog', title: 'Class action claims fitness app sold location data to brokers', description: 'The lawsuit, filed in federal court, says the app shared precise geolocation with data brokers without users’ consent.' },
];

export const LIVE: SampleItem[] = [
  { feed: 'demo-newsroom', title: 'Chatbot maker sued over use of customer messages to train AI models', description: 'Customers say their private messages were used to train generative AI models without permission, according to a complaint filed on Tuesday.' },
  { feed: 'demo-regulator', title: 'Cookie banners: authority orders news sites to add a “reject all” button', description: 'The order follows a sweep of consent banners that found tracking cookies set before consent.' },
  { feed: 'demo-blog', title: 'Police use of facial recognition at protests challenged in court', description: 'Civil liberties groups argue the live facial recognition deployment breached privacy rights.' },
  { feed: 'demo-newsroom', title: 'Children’s gaming platform fined under COPPA for collecting kids’ voice recordings', description: 'The FTC said the company kept recordings of children under 13 without parental consent.' },
  { feed: 'demo-regulator', title: 'New adequacy decision eases data transfers to the EU', description: 'The Commission adopted an adequacy decision, allowing personal data to flow without standard contractual clauses.' },
  { feed: 'demo-blog', title: 'Employers’ use of keystroke monitoring software faces new limits', description: 'A bill introduced this week would require employers to disclose workplace monitoring to workers.' },
];
