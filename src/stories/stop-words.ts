/**
 * Word lists for story matching. STOP_WORDS carry no meaning at all; GENERIC_WORDS are common in
 * every privacy headline ("data", "privacy", "fine"), so sharing them says little about whether
 * two items report the same event.
 */

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** English function words and news filler (lower case, unstemmed), dropped before comparing. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  words(
    'a about above after again against all also am an and any are as at be been before being below ' +
      'between both but by can could did do does doing down during each few for from further had has ' +
      'have having he her here hers him his how i if in into is it its itself just me more most my no ' +
      'nor not now of off on once only or other our ours out over own same she should so some such than ' +
      'that the their theirs them then there these they this those through to too under until up upon ' +
      'very was we were what when where which while who whom why will with would you your yours via ' +
      'amid among says say said new news live video watch update updated latest week today ' +
      'yesterday year month day time first one two three may might must per',
  ),
);

/** Frequent domain words (unstemmed): sharing them says little about two items being one story. */
export const GENERIC_WORDS: readonly string[] = words(
  'privacy data personal information protection protect user users people company companies firm ' +
    'law laws rule rules regulator regulators regulation regulations authority government agency ' +
    'report reports case cases claim claims issue issues right rights online digital internet tech ' +
    'technology service services platform platforms app apps consumer consumers customer customers ' +
    'million billion security cyber social media policy public state national official officials ' +
    'group big major global world plan plans use used using make made take taken call calls ' +
    'move moves set sets euro euros dollar dollars pound pounds fine fined fines alleged alleging ' +
    'allegations allegedly without consent attorney general',
);
