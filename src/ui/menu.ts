/**
 * The add-on menu. A published add-on's `onOpen` may run in AuthMode.NONE, where any service that needs
 * authorization fails and stops the menu from being built
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle): so this touches only the
 * UI and the user's locale (which may be unknown there; English is the fallback).
 */

import { translator } from '../i18n/i18n';
import type { Services } from '../platform/services';

/**
 * Builds the WhatsApp Contacts menu: in the menu bar of a bound script, under Extensions for a published add-on
 * (whose listing carries the same name). Its title is `app.name`, the name every message gives it
 * ("WhatsApp Contacts → Settings"; a test checks each such path against these captions).
 */
export function buildMenu(services: Services): void {
  const t = translator(services.locale());
  services.ui.addMenu(t('app.name'), [
    { caption: t('menu.import'), functionName: 'importContacts' },
    { caption: t('menu.importMembers'), functionName: 'importGroupMembers' },
    { caption: t('menu.refresh'), functionName: 'refreshNow' },
    { caption: t('menu.checkNumbers'), functionName: 'checkNumbers' },
    null,
    { caption: t('menu.deleteRemoved'), functionName: 'deleteRemovedContacts' },
    { caption: t('menu.deleteRemovedMembers'), functionName: 'deleteRemovedMembers' },
    null,
    { caption: t('menu.settings'), functionName: 'showSettings' },
    { caption: t('menu.diagnostics'), functionName: 'showDiagnostics' },
  ]);
}
