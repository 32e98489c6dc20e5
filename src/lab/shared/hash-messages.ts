import type { HashIssue, IssueReason } from './hash-codec.js';
import { formatValue, type Language, type MessageTables, Translator } from './i18n.js';

/** What a page says about a key of its address it did not take as written (English defines the keys). */
const EN = {
  ignored: '{key}={value} ignored: {reason}',
  corrected: '{key}={value} corrected to {to}: {reason}',
  notDecimal: 'not a decimal number',
  notWhole: 'not a whole decimal number',
  range: 'must be from {min} to {max}',
  above: 'must be more than {min} and at most {max}',
  layerSize: 'a layer needs {min}–{max} neurons',
  layerCount: 'at most {max} hidden layers',
  tooLarge: 'that network has {parameters} parameters, more than the {max} the Lab trains',
  choice: 'must be one of {values}',
  length: 'needs {lengths} comma-separated numbers',
  lengthOne: 'needs a single number',
  format: 'not written the way this page writes it',
  tooLong: 'longer than the {max} characters this page writes',
  unknownKey: 'not a setting of this page',
  repeated: 'given more than once (the first value counts)',
  noticeHeading: 'Some of the address was not used:',
  dismiss: 'Dismiss',
  or: ' or ',
} as const;

/** Keys of the notice messages. */
export type HashMessageKey = keyof typeof EN;

const RU: Readonly<Record<HashMessageKey, string>> = {
  ignored: '{key}={value} пропущено: {reason}',
  corrected: '{key}={value} исправлено на {to}: {reason}',
  notDecimal: 'это не десятичное число',
  notWhole: 'это не целое десятичное число',
  range: 'допустимо от {min} до {max}',
  above: 'должно быть больше {min} и не больше {max}',
  layerSize: 'в слое должно быть от {min} до {max} нейронов',
  layerCount: 'не больше {max} скрытых слоёв',
  tooLarge: 'параметров у такой сети {parameters}, а Лаборатория обучает не больше {max}',
  choice: 'допустимые значения: {values}',
  length: 'нужно столько чисел через запятую: {lengths}',
  lengthOne: 'нужно одно число',
  format: 'записано не так, как пишет эта страница',
  tooLong: 'длиннее {max} символов, которые пишет эта страница',
  unknownKey: 'такой настройки на этой странице нет',
  repeated: 'задано несколько раз (действует первое значение)',
  noticeHeading: 'Часть адреса не использована:',
  dismiss: 'Скрыть',
  or: ' или ',
};

/** The notice tables, for pages that show them. */
export const HASH_MESSAGES: MessageTables<HashMessageKey> = { en: EN, ru: RU };

function reasonText(tr: Translator<HashMessageKey>, reason: IssueReason): string {
  const n = (x: number): string => formatValue(tr.language, x);
  switch (reason.kind) {
    case 'not-decimal':
      return tr.t('notDecimal');
    case 'not-whole':
      return tr.t('notWhole');
    case 'range':
      return tr.t('range', { min: n(reason.min), max: n(reason.max) });
    case 'above':
      return tr.t('above', { min: n(reason.min), max: n(reason.max) });
    case 'layer-size':
      return tr.t('layerSize', { min: n(reason.min), max: n(reason.max) });
    case 'layer-count':
      return tr.t('layerCount', { max: n(reason.max) });
    case 'too-large':
      return tr.t('tooLarge', { parameters: n(reason.parameters), max: n(reason.max) });
    case 'choice':
      return tr.t('choice', { values: reason.values.join(', ') });
    case 'length':
      return reason.lengths.length === 1 && reason.lengths[0] === 1 ? tr.t('lengthOne') : tr.t('length', { lengths: reason.lengths.map(n).join(tr.t('or')) });
    case 'format':
      return tr.t('format');
    case 'too-long':
      return tr.t('tooLong', { max: n(reason.max) });
    case 'unknown-key':
      return tr.t('unknownKey');
    case 'repeated':
      return tr.t('repeated');
  }
}

/** One line naming the key, its value and why it was ignored or corrected, in the language of `tr`. */
export function issueText(tr: Translator<HashMessageKey>, issue: HashIssue): string {
  const values = { key: issue.key, value: issue.value, reason: reasonText(tr, issue.reason) };
  return issue.correctedTo === undefined ? tr.t('ignored', values) : tr.t('corrected', { ...values, to: issue.correctedTo });
}

/** The notice's messages in `language`. */
export function noticeMessages(language: Language): Translator<HashMessageKey> {
  return new Translator(HASH_MESSAGES, language);
}
