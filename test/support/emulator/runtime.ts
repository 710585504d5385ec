// vm plumbing for the emulator: a context per execution holding only Apps Script globals (+ JS builtins), a
// virtual-clock Date installed inside it, calling a top-level function with a time limit, converting values
// and errors between the host realm and the script's realm, and wrapping service methods so every call is
// counted/timed and host exceptions surface in the script as realm `Exception` errors.

import vm from 'node:vm';
import type { Rect } from './a1';
import type { SheetModel } from './grid';
import {
  AppsError,
  type AuthModeName,
  type ExecutionKind,
  type ExecutionRecord,
  isDateLike,
  type Realm,
} from './types';

/** Mutable state of one Apps Script execution. */
export interface Exec {
  id: number;
  name: string;
  kind: ExecutionKind;
  authMode: AuthModeName;
  /** SpreadsheetApp.getUi() allowed (a person is looking at the editor). */
  uiAvailable: boolean;
  /** The execution has an active document (an add-on's time-driven trigger may not: EmulatorOptions). */
  hasDocument: boolean;
  /** Document properties, cache and lock exist (an add-on's time-driven trigger may lack them). */
  documentStores: boolean;
  realm: Realm;
  /** Nesting depth of service calls (only the outermost call is counted/timed). */
  depth: number;
  rec: ExecutionRecord;
  /** Virtual milliseconds spent sleeping / waiting for locks. */
  virtualMs: number;
  /** Sheet/cell of the formula being evaluated (custom functions). */
  activeSheetName?: string;
  activeCell?: { row: number; col: number };
  /** The person's selected ranges (A1 on the active sheet), the last one current. */
  activeRanges?: readonly string[];
  /** Test-side access: writes recalc immediately and nothing is recorded. */
  immediate: boolean;
  /** Value changes made by this execution (dependent custom functions recalc when it ends). */
  changes: Array<{ sheet: SheetModel; rect: Rect }>;
  /** performance.now() at start. */
  t0: number;
  /** When set, every service call throws this (an execution over the simultaneous-execution limit). */
  refuseServices?: string;
}

const PRELUDE = new vm.Script(
  `(function (getNow) {
    const RealDate = Date;
    function Date_(...args) {
      if (!new.target) return new RealDate(getNow()).toString();
      return Reflect.construct(RealDate, args.length === 0 ? [getNow()] : args, new.target);
    }
    Object.setPrototypeOf(Date_, RealDate);
    Date_.prototype = RealDate.prototype;
    Object.defineProperty(Date_, 'name', { value: 'Date' });
    Object.defineProperty(Date_, 'length', { value: 7 });
    Date_.now = function now() { return getNow(); };
    Object.defineProperty(RealDate.prototype, 'constructor', { value: Date_, writable: true, configurable: true });
    globalThis.Date = Date_;
    return { Error, Date: Date_, Array, Object };
  })`,
  { filename: 'emulator-prelude.js' },
);

const CALL = new vm.Script(
  'globalThis.__emu_result = globalThis[globalThis.__emu_fn].apply(undefined, globalThis.__emu_args);',
  {
    filename: 'emulator-call.js',
  },
);

/** Creates a fresh context with a virtual-clock Date; returns it with its realm constructors. */
export function createContext(now: () => number): { ctx: vm.Context; realm: Realm } {
  const ctx = vm.createContext({});
  const install = PRELUDE.runInContext(ctx) as (getNow: () => number) => Realm;
  return { ctx, realm: install(now) };
}

/** The host realm (used for test-side access to services). */
export const HOST_REALM: Realm = { Error, Date, Array, Object };

/** Calls a top-level function of the context; a runaway script is stopped after `timeoutMs` real ms. */
export function callInContext(ctx: vm.Context, name: string, args: unknown[], timeoutMs: number): unknown {
  const g = ctx as Record<string, unknown>;
  g.__emu_fn = name;
  g.__emu_args = args;
  try {
    CALL.runInContext(ctx, { timeout: timeoutMs });
    return g.__emu_result;
  } finally {
    delete g.__emu_fn;
    delete g.__emu_args;
    delete g.__emu_result;
  }
}

/** True for Node's vm timeout error. */
export function isVmTimeout(e: unknown): boolean {
  return (
    typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
  );
}

/** Deep-copies plain data into the script realm (arrays, plain objects, Dates). */
export function toRealm(realm: Realm, v: unknown): unknown {
  if (Array.isArray(v)) {
    const out = new realm.Array<unknown>();
    for (const x of v) out.push(toRealm(realm, x));
    return out;
  }
  if (isDateLike(v)) return new realm.Date(v.getTime());
  if (v !== null && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto === Object.prototype || proto === null || proto === realm.Object.prototype) {
      const out = new realm.Object() as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) out[k] = toRealm(realm, x);
      return out;
    }
  }
  return v;
}

/** Message of any thrown value. */
export function messageOf(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

/** Converts a host exception into an error of the script's realm (name 'Exception' for platform errors). */
export function toRealmError(exec: Exec, e: unknown): unknown {
  if (process.env.EMU_DEBUG) console.warn('EMU', messageOf(e));
  if (e instanceof exec.realm.Error) return e;
  const err = new exec.realm.Error(messageOf(e));
  if (e instanceof AppsError) err.name = 'Exception';
  else if (e instanceof Error && e.name !== 'Error') err.name = e.name;
  return err;
}

/** Converts anything the script threw into a host Error with the same message (so jest `toThrow` works). */
export function toHostError(e: unknown): Error {
  if (e instanceof Error) return e;
  const err = new Error(messageOf(e));
  if (typeof e === 'object' && e !== null) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') err.name = name;
    const stack = (e as { stack?: unknown }).stack;
    if (typeof stack === 'string') err.stack = stack;
  }
  return err;
}

/** Counting policy of a wrapped service class. */
export type CountKind = 'spreadsheet' | 'none';

/** Wraps every function of `methods`: outermost calls are timed (serviceMs), optionally counted, and errors converted. */
export function wrapMethods<T extends object>(exec: Exec, methods: T, count: CountKind): T {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(methods)) {
    if (typeof v !== 'function') {
      out[name] = v;
      continue;
    }
    const fn = v as (...a: unknown[]) => unknown;
    const wrapped = function (this: unknown, ...args: unknown[]): unknown {
      if (exec.depth > 0) return fn.apply(this, args);
      if (exec.refuseServices) throw toRealmError(exec, new AppsError(exec.refuseServices));
      exec.depth++;
      const t0 = performance.now();
      if (count === 'spreadsheet') {
        exec.rec.spreadsheetCalls++;
        exec.rec.spreadsheetCallNames.push(name);
      }
      try {
        return fn.apply(this, args);
      } catch (e) {
        throw toRealmError(exec, e);
      } finally {
        exec.depth--;
        exec.rec.serviceMs += performance.now() - t0;
      }
    };
    Object.defineProperty(wrapped, 'name', { value: name });
    out[name] = wrapped;
  }
  return out as T;
}

/** Creates service instances sharing one wrapped prototype; per-instance state lives under STATE. */
export const STATE: unique symbol = Symbol('emulator-state');

/** An object whose internal state is kept under the STATE symbol. */
export interface WithState<S> {
  [STATE]: S;
}

/** Builds a factory for objects of one service class (methods use `this[STATE]`). */
export function classFactory<S, M extends object>(
  exec: Exec,
  methods: M,
  count: CountKind,
): (state: S) => M & WithState<S> {
  const proto = wrapMethods(exec, methods, count);
  return (state: S) => {
    const o = Object.create(proto) as M & WithState<S>;
    Object.defineProperty(o, STATE, { value: state, enumerable: false });
    return o;
  };
}

/** Throws unless `v` is a service object made by classFactory; returns its state. */
export function stateOf<S>(v: unknown, what: string): S {
  if (typeof v === 'object' && v !== null && STATE in v) return (v as WithState<S>)[STATE];
  throw new AppsError(`Invalid argument: ${what}`);
}

/** Compiles a dist file once. */
export function compileScript(source: string, filename: string): vm.Script {
  return new vm.Script(source, { filename });
}
