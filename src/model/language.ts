import type { languages } from '../schema';
import type { Entry } from './entry';

/** A language content can be written in: English or Welsh. */
export type Language = (typeof languages)[number];

/** The `lang` attribute for a page or link in each language: British English, Welsh. */
export const htmlLang: Record<Language, string> = { en: 'en-GB', cy: 'cy' };

/** The name of each language, in English. */
export const languageName: Record<Language, string> = { en: 'English', cy: 'Welsh' };

/** The words of a link to the version in a language, written in that language. */
export const readIn: Record<Language, string> = { en: 'Read in English', cy: 'Darllenwch yn Gymraeg' };

/** Anything that can be a translation of another entry of its collection. */
interface Translatable {
  lang: Language;
  translationOf?: string | undefined;
}

/**
 * The other-language versions of an entry: for an original, its translations; for a translation, the original and
 * any other translations of it. Never the entry itself, nor another in its own language.
 */
export function otherLanguages<T extends Translatable>(
  entry: Entry<T>,
  byId: ReadonlyMap<string, Entry<T>>,
  translations: ReadonlyMap<string, Entry<T>[]>,
): Entry<T>[] {
  const originalId = entry.data.translationOf ?? entry.id;
  const original = byId.get(originalId);
  return [...(original ? [original] : []), ...(translations.get(originalId) ?? [])].filter((e) => e.id !== entry.id && e.data.lang !== entry.data.lang);
}
