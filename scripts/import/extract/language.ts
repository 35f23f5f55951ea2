/**
 * The language a source is written in: Welsh or English, from how often it uses words common in one and rare in the
 * other (the word lists are house-style data). Names and figures count for neither.
 */
import { ENGLISH_WORDS, WELSH_WORDS } from '../house-style';

export interface LanguageReading {
  lang: 'en' | 'cy';
  /** Words that are Welsh, and words that are English, of the text's words. */
  welsh: number;
  english: number;
}

/** Welsh when Welsh words clearly outnumber English ones; English otherwise (and for a text too short to tell). */
export function detectLanguage(text: string): LanguageReading {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const welsh = words.filter((w) => WELSH_WORDS.has(w)).length;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return { lang: welsh >= 10 && welsh > english * 1.5 ? 'cy' : 'en', welsh, english };
}
