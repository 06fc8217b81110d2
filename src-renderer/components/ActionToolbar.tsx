// A screen's toolbar drawn from the same entries as its right-click menu, so that a command
// has one label, one icon and one rule for when it is available.
import { Toolbar, ToolbarButton, ToolbarDivider } from '@fluentui/react-components';
import type { ContextMenuEntry } from './ContextMenu.js';
import { useScreenStyles } from './screen-styles.js';

export function ActionToolbar({ label, entries }: { label: string; entries: ContextMenuEntry[] }) {
  const styles = useScreenStyles();
  return (
    <Toolbar className={styles.toolbar} size="small" aria-label={label}>
      {entries.map((entry, index) =>
        entry === 'divider' ? (
          <ToolbarDivider key={`divider-${index}`} />
        ) : (
          <ToolbarButton
            key={entry.key}
            icon={entry.icon}
            disabled={entry.disabled}
            onClick={entry.onClick}
          >
            {entry.label}
          </ToolbarButton>
        ),
      )}
    </Toolbar>
  );
}
