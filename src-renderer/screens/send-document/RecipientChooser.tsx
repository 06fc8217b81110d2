// The left of the single send: the dossier's correspondents (Ctrl+click, Shift+click, arrows,
// space), another address typed by hand, and the method the message goes by.
import { Button, Field, Input, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { AddRegular, DismissRegular, WarningRegular } from '@fluentui/react-icons';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useApp } from '../../app/app-context.js';
import { useListRowStyles } from '../../components/list-row-styles.js';
import { clickRow, moveFocus } from '../../logic/selection.js';
import { describeAccount } from './candidates.js';
import type { SendDocument } from './useSendDocument.js';

const useStyles = makeStyles({
  left: { display: 'flex', flexDirection: 'column', gap: '10px', minWidth: 0 },
  listbox: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    minHeight: '140px',
    maxHeight: '220px',
    overflowY: 'auto',
    outline: 'none',
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  option: {
    padding: '4px 8px',
    cursor: 'default',
    userSelect: 'none',
    display: 'flex',
    flexDirection: 'column',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  disabled: { color: tokens.colorNeutralForegroundDisabled },
  email: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  other: { display: 'flex', gap: '6px', alignItems: 'start' },
  chips: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '2px',
    padding: '0 2px 0 8px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    fontSize: tokens.fontSizeBase200,
  },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function RecipientChooser({ send }: { send: SendDocument }) {
  const styles = useStyles();
  const { t } = useApp();
  const { typed, typedValid, account } = send;
  const typedWrong = typed.trim() !== '' && !typedValid;
  return (
    <div className={styles.left}>
      <Field label={t('ui.send.recipients')} hint={t('ui.send.recipientsHint')} size="small">
        <Correspondents send={send} />
      </Field>
      <Field
        label={t('ui.send.otherAddress')}
        size="small"
        validationState={typedWrong ? 'error' : 'none'}
        validationMessage={typedWrong ? t('ui.dossiers.corr.invalidEmail') : undefined}
      >
        <div className={styles.other}>
          <Input
            size="small"
            type="email"
            value={typed}
            style={{ flexGrow: 1 }}
            placeholder="nom@domaine.fr"
            onChange={(_, d) => send.setTyped(d.value)}
            onKeyDown={(event) => event.key === 'Enter' && send.addTyped()}
          />
          <Button size="small" icon={<AddRegular />} disabled={!typedValid} onClick={send.addTyped}>
            {t('ui.common.add')}
          </Button>
        </div>
      </Field>
      {send.extra.length > 0 && (
        <div className={styles.chips}>
          {send.extra.map((address) => (
            <span key={address} className={styles.chip}>
              {address}
              <Button
                size="small"
                appearance="transparent"
                icon={<DismissRegular />}
                aria-label={t('ui.common.remove')}
                onClick={() => send.removeExtra(address)}
              />
            </span>
          ))}
        </div>
      )}
      <Field label={t('ui.send.method')} size="small">
        {/* One method, said in full on as many lines as it needs (a list of one cut its address). */}
        <div data-testid="send-method" style={{ overflowWrap: 'anywhere' }}>
          {account ? describeAccount(account, t) : ''}
        </div>
      </Field>
      <div className={styles.note}>{t('ui.send.chosen', { count: send.chosen.length })}</div>
    </div>
  );
}

function Correspondents({ send }: { send: SendDocument }) {
  const styles = useStyles();
  const rowStyles = useListRowStyles();
  const { t } = useApp();
  const { candidates, selection, setSelection } = send;

  const onOptionMouseDown = (event: MouseEvent, index: number) => {
    if (!candidates[index]?.valid) return;
    event.preventDefault();
    setSelection((s) =>
      clickRow(s, index, { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey }),
    );
  };
  const onListKeyDown = (event: KeyboardEvent) => {
    const moves = { ArrowUp: 'up', ArrowDown: 'down', Home: 'home', End: 'end' } as const;
    const move = moves[event.key as keyof typeof moves];
    if (move) {
      event.preventDefault();
      setSelection((s) =>
        moveFocus(s, move, candidates.length, 5, { ctrl: event.ctrlKey, shift: event.shiftKey }),
      );
    } else if (event.key === ' ' && selection.focus !== null) {
      event.preventDefault();
      setSelection((s) => clickRow(s, s.focus!, { ctrl: true }));
    }
  };

  return (
    <div
      className={styles.listbox}
      role="listbox"
      aria-multiselectable
      aria-label={t('ui.send.recipients')}
      tabIndex={0}
      onKeyDown={onListKeyDown}
      data-testid="recipients"
    >
      {candidates.length === 0 && (
        <div className={styles.option}>{t('ui.send.noCorrespondent')}</div>
      )}
      {candidates.map((c, index) => (
        <div
          key={c.key}
          role="option"
          aria-selected={selection.selected.has(index)}
          aria-disabled={!c.valid}
          className={mergeClasses(
            styles.option,
            selection.selected.has(index) && rowStyles.selected,
            selection.focus === index && rowStyles.focused,
            !c.valid && styles.disabled,
          )}
          onMouseDown={(event) => onOptionMouseDown(event, index)}
          title={c.valid ? undefined : t('ui.dossiers.corr.invalidEmail')}
        >
          <span>
            {c.name || c.email}
            {c.relation ? ` (${c.relation})` : ''}
            {!c.receives && ` — ${t('ui.send.notReceiving')}`}
          </span>
          <span className={styles.email}>
            {!c.valid && <WarningRegular />} {c.email}
          </span>
        </div>
      ))}
    </div>
  );
}
