import type { MessageTables } from '../shared/i18n.js';

/** What every page of the site says about its offline copy (offline-status.ts). */
const EN = {
  saving: 'Saving digitlab on this device for offline use…',
  ready: 'Ready to use offline: all of digitlab now works without a network.',
  failed: 'Could not save digitlab for offline use ({message}). It still works online.',
  update: 'A new version of digitlab has been saved.',
  reload: 'Reload to use it',
  dismiss: 'Hide this message',
} as const;

/** The offline messages' keys. */
export type OfflineKey = keyof typeof EN;

/** The offline status's messages in English and Russian. */
export const OFFLINE_MESSAGES: MessageTables<OfflineKey> = {
  en: EN,
  ru: {
    saving: 'digitlab сохраняется на это устройство, чтобы работать без сети…',
    ready: 'Готово к работе без сети: весь digitlab теперь работает и без интернета.',
    failed: 'Не удалось сохранить digitlab для работы без сети ({message}). В сети всё работает как прежде.',
    update: 'Сохранена новая версия digitlab.',
    reload: 'Перезагрузить страницу',
    dismiss: 'Скрыть сообщение',
  },
};
