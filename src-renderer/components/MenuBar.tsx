// The menu bar drawn by the page when the window has no native one (in a browser):
// the same model as the Electron shell's menus, with the shortcuts shown.
import {
  Menu,
  MenuButton,
  MenuDivider,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { MENU_BAR, type MenuCommand, type MenuItemModel } from '../../src-shared/contract/menus.js';
import { useApp } from '../app/app-context.js';
import {
  acceleratorLabel,
  parseMnemonic,
  pressesMnemonic,
  type Mnemonic,
} from '../logic/accelerators.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: '0',
    padding: '0 4px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  button: { minWidth: 'auto', fontWeight: tokens.fontWeightRegular, padding: '2px 10px' },
  mnemonic: { textDecorationLine: 'underline' },
});

/** The label with its mnemonic letter underlined (the accessible name stays the word). */
function MnemonicLabel({ mnemonic, className }: { mnemonic: Mnemonic; className: string }) {
  const { text, index } = mnemonic;
  if (index < 0) return <>{text}</>;
  // One inline box: the button lays out its children as flex items, which would split the
  // word in its accessible name ("F ichier").
  return (
    <span>
      {text.slice(0, index)}
      <span className={className}>{text[index]}</span>
      {text.slice(index + 1)}
    </span>
  );
}

/** Commands the page cannot carry out itself (the browser tab is closed by the user). */
const HIDDEN_IN_BROWSER: MenuCommand[] = ['app.quit'];

/**
 * Cut, copy and paste are left to the browser's own shortcuts in text fields; separators
 * that would end up first, last or doubled are dropped.
 */
function visibleInBrowser(items: MenuItemModel[]): MenuItemModel[] {
  const kept = items.filter(
    (i) =>
      i.kind === 'separator' || (i.kind === 'command' && !HIDDEN_IN_BROWSER.includes(i.command)),
  );
  return kept.filter(
    (item, index) =>
      item.kind !== 'separator' ||
      (index > 0 && index < kept.length - 1 && kept[index - 1]?.kind !== 'separator'),
  );
}

export function MenuBar({
  onCommand,
  isEnabled,
}: {
  onCommand: (c: MenuCommand) => void;
  isEnabled: (c: MenuCommand) => boolean;
}) {
  const styles = useStyles();
  const { t } = useApp();
  const [openMenu, setOpenMenu] = useState<number | null>(null);
  const mnemonics = MENU_BAR.map((menu) => parseMnemonic(t(menu.label)));
  const mnemonicKeys = mnemonics.map((m) => m.key).join();

  // Alt+letter opens the menu whose letter is underlined, as in every Windows program.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const index = mnemonics.findIndex((m) => pressesMnemonic(m, event));
      if (index < 0) return;
      event.preventDefault();
      setOpenMenu(index);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mnemonicKeys]);

  return (
    <nav className={styles.bar} role="menubar" aria-label={t('ui.app.title')}>
      {MENU_BAR.map((menu, index) => (
        <Menu
          key={menu.label}
          open={openMenu === index}
          onOpenChange={(_, data) => setOpenMenu(data.open ? index : null)}
        >
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              appearance="subtle"
              size="small"
              menuIcon={null}
              className={styles.button}
              role="menuitem"
              aria-keyshortcuts={mnemonics[index]?.key ? `Alt+${mnemonics[index].key}` : undefined}
            >
              <MnemonicLabel mnemonic={mnemonics[index]!} className={styles.mnemonic} />
            </MenuButton>
          </MenuTrigger>
          <MenuPopover>
            <MenuItems items={menu.items} onCommand={onCommand} isEnabled={isEnabled} />
          </MenuPopover>
        </Menu>
      ))}
    </nav>
  );
}

/**
 * Rendered each time the menu opens, so that an item is enabled according to what the
 * screen can do at that moment (a document selected, messages to validate...).
 */
function MenuItems({
  items,
  onCommand,
  isEnabled,
}: {
  items: MenuItemModel[];
  onCommand: (c: MenuCommand) => void;
  isEnabled: (c: MenuCommand) => boolean;
}) {
  const { t, language } = useApp();
  return (
    <MenuList>
      {visibleInBrowser(items).map((entry, index) => {
        if (entry.kind !== 'command') return <MenuDivider key={`sep-${index}`} />;
        return (
          <MenuItem
            key={entry.command}
            disabled={!isEnabled(entry.command)}
            secondaryContent={
              entry.accelerator ? acceleratorLabel(entry.accelerator, language) : undefined
            }
            onClick={() => onCommand(entry.command)}
          >
            {t(entry.label)}
          </MenuItem>
        );
      })}
    </MenuList>
  );
}
