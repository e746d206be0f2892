/**
 * The placeholders `npm run import` and `npm run new` write where the source
 * does not say something: src/model/placeholders.ts holds them, where the
 * parser, which names them as placeholders, can read them too.
 */
export { datePlaceholder, departmentPlaceholder, headlinePlaceholder, issuePlaceholder, placeholders, textPlaceholder } from '../model/placeholders.ts';
