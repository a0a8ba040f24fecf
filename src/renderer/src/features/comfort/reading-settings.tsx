// "Reading settings": theme, font, size, line height and column width, applied to the
// page as they change (sliders are saved once they settle) and remembered across
// restarts. A modal dialog (focus trapped, Escape closes, focus returns to "Aa"); its
// backdrop is clear so the article behind shows each change.
import { useEffect, useId, useRef } from 'react'
import type { Api } from '../../../../shared/api'
import { FONT_FAMILIES, PREF_LIMITS, THEME_CHOICES, type FontFamily, type Prefs, type ThemeChoice } from '../../../../shared/model'
import { Modal } from '../../components/modal'
import { usePrefs } from './use-prefs'
import './reading-settings.css'

/** Slider changes are saved once the user pauses, not once per step. */
export const SLIDER_SAVE_DELAY_MS = 400

const THEME_LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark', sepia: 'Sepia' }
const FONT_LABELS: Record<FontFamily, string> = { serif: 'Serif', sans: 'Sans', mono: 'Mono' }

type NumericPref = 'fontSize' | 'lineHeight' | 'columnWidth'
const SLIDERS: Array<{ key: NumericPref; label: string; shown: (value: number) => string; spoken: (value: number) => string }> = [
  { key: 'fontSize', label: 'Font size', shown: (v) => `${v} px`, spoken: (v) => `${v} pixels` },
  { key: 'lineHeight', label: 'Line height', shown: (v) => v.toFixed(1), spoken: (v) => v.toFixed(1) },
  { key: 'columnWidth', label: 'Column width', shown: (v) => `${v} ch`, spoken: (v) => `${v} characters` }
]

export interface ReadingSettingsProps {
  api: Pick<Api, 'prefs.get' | 'prefs.set'>
  onClose: () => void
}

export function ReadingSettingsDialog({ api, onClose }: ReadingSettingsProps) {
  const { prefs, update, reset, flush } = usePrefs(api)
  const id = useId()
  // Focus starts on the theme in use, where the arrow keys pick another.
  const checkedTheme = useRef<HTMLInputElement>(null)
  // Closing saves a slider change that is still waiting.
  useEffect(() => () => void flush(), [flush])

  return (
    <Modal title="Reading settings" onClose={onClose} className="reading-settings" testId="reading-settings" initialFocus={checkedTheme}>
      <fieldset className="settings-group">
        <legend>Theme</legend>
        <div className="settings-choices">
          {THEME_CHOICES.map((theme) => (
            <label key={theme} className="settings-choice">
              <input
                ref={prefs.theme === theme ? checkedTheme : undefined}
                type="radio"
                name={`${id}-theme`}
                value={theme}
                checked={prefs.theme === theme}
                onChange={() => update({ theme })}
              />
              <span className={`theme-sample theme-sample-${theme}`} aria-hidden="true" />
              {THEME_LABELS[theme]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="settings-group">
        <legend>Font</legend>
        <div className="settings-choices">
          {FONT_FAMILIES.map((family) => (
            <label key={family} className={`settings-choice font-choice-${family}`}>
              <input
                type="radio"
                name={`${id}-font`}
                value={family}
                checked={prefs.fontFamily === family}
                onChange={() => update({ fontFamily: family })}
              />
              {FONT_LABELS[family]}
            </label>
          ))}
        </div>
      </fieldset>
      {SLIDERS.map(({ key, label, shown, spoken }) => {
        const limits = PREF_LIMITS[key]
        const value = prefs[key]
        return (
          <div key={key} className="settings-slider">
            <label htmlFor={`${id}-${key}`}>{label}</label>
            <input
              id={`${id}-${key}`}
              type="range"
              min={limits.min}
              max={limits.max}
              step={limits.step}
              value={value}
              aria-valuetext={spoken(value)}
              onChange={(event) => {
                const next = roundToStep(Number(event.target.value), limits.step)
                update({ [key]: next } as Partial<Prefs>, { debounceMs: SLIDER_SAVE_DELAY_MS })
              }}
            />
            <output htmlFor={`${id}-${key}`} className="settings-value" data-testid={`value-${key}`}>
              {shown(value)}
            </output>
          </div>
        )
      })}
      <p className="settings-sample" style={{ fontFamily: 'var(--reader-font-family)' }}>
        The quick brown fox reads by the window until the lamp runs dry.
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => reset()}>
          Reset
        </button>
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  )
}

/** Range inputs report floats like 1.7000000000000002; keep the step's precision. */
export function roundToStep(value: number, step: number): number {
  const decimals = (String(step).split('.')[1] ?? '').length
  return Number(value.toFixed(decimals))
}
