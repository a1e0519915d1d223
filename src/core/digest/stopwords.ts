/**
 * Generic English function words and reporting words that say nothing about *what* a sentence
 * reports; they are left out when comparing two sentences for repeats.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each either even ever every few for
  from further had has have having he her here hers herself him himself his how however i if in into is it
  its itself just least less let like made make many may me might more most much must my myself neither
  no nor not now of off on once only or other others our ours ourselves out over own per quite rather
  same she should since so some still such than that the their theirs them themselves then there these
  they this those though through thus to too under until up upon us very via was we were what when where
  whether which while who whom whose why will with within without would yet you your yours yourself
  yourselves one two three said says say saying stated states stating told tells telling added adding
  noted noting remarked according reportedly reported reporters mr mrs ms dr monday tuesday wednesday
  thursday friday saturday sunday today yesterday tomorrow week weekend earlier later last next new
  well already another several`.split(/\s+/),
);
