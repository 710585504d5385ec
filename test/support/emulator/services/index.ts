// Assembles the global object of one execution: only Apps Script service names (no require, process,
// timers or fetch), each built fresh for that execution.

import type { EmulatorCore } from '../core';
import type { Exec } from '../runtime';
import { htmlService } from './html-ui';
import { scriptAppService } from './script-app';
import { spreadsheetService } from './spreadsheet';
import { cacheService, lockService, propertiesService } from './storage';
import { urlFetchService } from './url-fetch';
import { blobFactory, loggingServices, sessionService, utilitiesService } from './utilities';

/** The Apps Script globals of one execution. */
export function buildGlobals(core: EmulatorCore, exec: Exec): Record<string, unknown> {
  const newBlob = blobFactory(exec);
  const { Logger, console } = loggingServices(core, exec);
  return {
    SpreadsheetApp: spreadsheetService(core, exec).SpreadsheetApp,
    PropertiesService: propertiesService(core, exec),
    CacheService: cacheService(core, exec),
    LockService: lockService(core, exec),
    ScriptApp: scriptAppService(core, exec),
    UrlFetchApp: urlFetchService(core, exec, newBlob),
    Utilities: utilitiesService(core, exec, newBlob),
    Session: sessionService(core, exec),
    HtmlService: htmlService(core, exec),
    Logger,
    console,
  };
}
