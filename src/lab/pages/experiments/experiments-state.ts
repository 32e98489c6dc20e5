import type { Field } from '../../components/experiments/experiment-frame.js';
import { type FieldTable, HashCodec } from '../../shared/hash-codec.js';
import { LANGUAGES, type Language } from '../../shared/i18n.js';

/**
 * The Experiments page's shareable state, through the shared codec: the language, the panel
 * last run (`at`, which a shared link scrolls to) and every panel's settings, one key per
 * field (`noise.count=200&activations.epochs=3`): only what differs from the defaults.
 */
export type ExperimentsState = Record<string, string | number>;

/** A panel as the state knows it: its id and its number fields. */
export interface PanelFields {
  readonly id: string;
  readonly fields: readonly Field[];
}

/** The hash key of a panel's field. */
export const fieldKey = (panel: string, field: string): string => `${panel}.${field}`;

/** The codec of the page whose panels are `panels` (and `extra` ids without fields, e.g. the detector). */
export function experimentsCodec(panels: readonly PanelFields[], extra: readonly string[] = []): HashCodec<ExperimentsState> {
  const fields: Record<string, { key: string; kind: FieldTable<ExperimentsState>[string]['kind'] }> = {
    language: { key: 'lang', kind: { type: 'enum', values: ['', ...LANGUAGES] } },
    at: { key: 'at', kind: { type: 'enum', values: ['', ...panels.map((p) => p.id), ...extra] } },
  };
  const defaults: ExperimentsState = { language: '', at: '' };
  for (const panel of panels) {
    for (const f of panel.fields) {
      const key = fieldKey(panel.id, f.name);
      fields[key] = { key, kind: { type: 'int', min: f.min, max: f.max } };
      defaults[key] = f.value;
    }
  }
  return new HashCodec<ExperimentsState>(fields, defaults);
}

/** The language a state names ('' = the browser's). */
export function stateLanguage(state: Readonly<ExperimentsState>): Language | '' {
  return state.language as Language | '';
}

/** One panel's settings in `state`. */
export function panelValues(state: Readonly<ExperimentsState>, panel: PanelFields): Record<string, number> {
  return Object.fromEntries(panel.fields.map((f) => [f.name, Number(state[fieldKey(panel.id, f.name)])]));
}

/** The state's keys for one panel's `values`. */
export function panelPatch(panel: PanelFields, values: Readonly<Record<string, number>>): ExperimentsState {
  return Object.fromEntries(panel.fields.filter((f) => f.name in values).map((f) => [fieldKey(panel.id, f.name), values[f.name]]));
}
