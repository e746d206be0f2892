/**
 * A message of the catalogue: the same text in every language, made from its
 * arguments, so a message is written once per language and said in the one
 * the editor reads.
 */
import { currentLanguage, type Language } from './language.ts';

/** A text in every language of the catalogue, made from its arguments `A`. */
export type Message<A = void> = { readonly [L in Language]: (args: A) => string };

/** Writes a message without arguments in the current language (or `language`). */
export function say(message: Message, args?: undefined, language?: Language): string;
/** Writes `message` with `args` in the current language (or `language`). */
export function say<A>(message: Message<A>, args: A, language?: Language): string;
export function say<A>(message: Message<A>, args: A, language: Language = currentLanguage()): string {
  return message[language](args);
}

/** Chooses by language: `inLanguage({ 'zh-CN': '期', en: 'issue' })`. */
export function inLanguage<T>(choices: { readonly [L in Language]: T }, language: Language = currentLanguage()): T {
  return choices[language];
}
