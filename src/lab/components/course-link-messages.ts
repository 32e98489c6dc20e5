import type { MessageTables } from '../shared/i18n.js';

/** The words that point to the course, on every page. */
const EN = {
  link: 'The course',
  invite: 'New here? The course walks you through this network in three short chapters — you draw, drag and guess, and every number is computed live.',
  start: 'Start the course',
  dismiss: 'Not now',
} as const;
/** The course link's message keys. */
export type CourseLinkKey = keyof typeof EN;
/** The words that point to the course, in English and Russian (the build also puts the link's English text into the pages' HTML). */
export const COURSE_LINK_MESSAGES: MessageTables<CourseLinkKey> = {
  en: EN,
  ru: {
    link: 'Курс',
    invite: 'Впервые здесь? Курс проведёт вас через эту сеть за три короткие главы: вы рисуете, двигаете, угадываете — и каждое число считается вживую.',
    start: 'Начать курс',
    dismiss: 'Не сейчас',
  },
};
