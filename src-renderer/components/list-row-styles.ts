// How a row of a Windows-style list shows that it is selected or has the keyboard focus:
// the same in the long lists (DataGrid) and the short ones (the single send's recipients).
import { makeStyles, tokens } from '@fluentui/react-components';

export const useListRowStyles = makeStyles({
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  focused: { outline: `1px dotted ${tokens.colorNeutralForeground1}`, outlineOffset: '-2px' },
});
