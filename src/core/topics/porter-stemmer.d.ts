/** Types for the Porter2 stemmer shipped inside wink-eng-lite-web-model (a CommonJS function export). */
declare module 'wink-eng-lite-web-model/dist/porter-stemmer.js' {
  /** Stems one lower- or mixed-case English word (`negotiations` → `negoti`). */
  const stem: (word: string) => string;
  export default stem;
}
