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
import { MENU_BAR, type MenuCommand, type MenuItemModel } from '../../src-shared/contract/menus.js';
import { useApp } from '../app/app-context.js';
import { acceleratorLabel } from '../logic/accelerators.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    gap: '0',
    padding: '0 4px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  button: { minWidth: 'auto', fontWeight: tokens.fontWeightRegular, padding: '2px 10px' },
});

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
  return (
    <nav className={styles.bar} role="menubar" aria-label={t('ui.app.title')}>
      {MENU_BAR.map((menu) => (
        <Menu key={menu.label}>
          <MenuTrigger disableButtonEnhancement>
            <MenuButton
              appearance="subtle"
              size="small"
              menuIcon={null}
              className={styles.button}
              role="menuitem"
            >
              {t(menu.label)}
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
