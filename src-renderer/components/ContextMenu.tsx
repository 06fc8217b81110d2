// A right-click menu at the mouse (or under the focused row for Shift+F10).
import { Menu, MenuDivider, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export type ContextMenuEntry =
  | {
      key: string;
      label: string;
      icon?: ReactElement;
      shortcut?: string;
      disabled?: boolean;
      onClick: () => void;
    }
  | 'divider';

export interface ContextMenuProps {
  at: { x: number; y: number } | null;
  entries: ContextMenuEntry[];
  onClose: () => void;
}

export function ContextMenu({ at, entries, onClose }: ContextMenuProps) {
  if (!at) return null;
  const target = {
    getBoundingClientRect: () => new DOMRect(at.x, at.y, 0, 0),
  };
  return (
    <Menu
      open
      positioning={{ target, position: 'below', align: 'start' }}
      onOpenChange={(_, data) => !data.open && onClose()}
    >
      <MenuPopover>
        <MenuList>
          {entries.map((entry, index) =>
            entry === 'divider' ? (
              <MenuDivider key={`divider-${index}`} />
            ) : (
              <MenuItem
                key={entry.key}
                icon={entry.icon}
                disabled={entry.disabled}
                secondaryContent={entry.shortcut}
                onClick={() => {
                  onClose();
                  entry.onClick();
                }}
              >
                {entry.label}
              </MenuItem>
            ),
          )}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
