// The account's pace: presets, the delay between messages, a pause every N messages, the
// most per run and per day (seconds shown, milliseconds kept).
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { useApp } from '../../../app/app-context.js';
import { TextField } from '../../../components/TextField.js';
import { PACING_PRESETS } from '../../../logic/pacing-presets.js';
import { describePacing } from '../../sending-texts.js';
import { useSettingsStyles } from '../settings-styles.js';
import type { AccountPageState } from './useAccountPage.js';

const seconds = (ms: number) => String(ms / 1000);
const toMs = (text: string) => Math.max(0, Math.round(Number(text.replace(',', '.')) * 1000) || 0);
const optionalCount = (text: string) =>
  text.trim() === '' ? null : Math.max(1, Math.round(Number(text)) || 1);
const countText = (count: number | null) => (count === null ? '' : String(count));

export function PacingFields({ page }: { page: AccountPageState }) {
  const styles = useSettingsStyles();
  const { t } = useApp();
  const { draft, setPacing } = page;
  const pacing = draft.pacing;
  return (
    <>
      <h3 className={styles.section}>{t('ui.settings.pacing')}</h3>
      <div className={styles.wide}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button size="small">{t('ui.settings.pacing.presets')}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {PACING_PRESETS.map((preset) => (
                <MenuItem
                  key={preset.id}
                  onClick={() => page.set('pacing', { ...pacing, ...preset.pacing })}
                >
                  {t(preset.label)}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>{' '}
        <span className={styles.note} data-testid="pacing-summary">
          {describePacing(pacing, t)}
        </span>
      </div>
      <TextField
        label={t('ui.settings.pacing.delay')}
        value={seconds(pacing.delayMs)}
        onChange={(value) => setPacing('delayMs', toMs(value))}
      />
      <div className={styles.pair}>
        <TextField
          label={t('ui.settings.pacing.pauseEvery')}
          value={String(pacing.pauseEvery)}
          onChange={(value) => setPacing('pauseEvery', Math.max(0, Number(value) || 0))}
        />
        <TextField
          label={t('ui.settings.pacing.pause')}
          value={seconds(pacing.pauseMs)}
          onChange={(value) => setPacing('pauseMs', toMs(value))}
        />
      </div>
      <TextField
        label={t('ui.settings.pacing.maxPerRun')}
        value={countText(pacing.maxPerRun)}
        onChange={(value) => setPacing('maxPerRun', optionalCount(value))}
      />
      <TextField
        label={t('ui.settings.pacing.maxPerDay')}
        value={countText(pacing.maxPerDay)}
        onChange={(value) => setPacing('maxPerDay', optionalCount(value))}
      />
    </>
  );
}
