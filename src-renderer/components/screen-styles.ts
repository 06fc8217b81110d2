// The look every list screen shares: its toolbar along the top, the list and its side pane
// below, the count of rows under the list.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useScreenStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  toolbar: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 6px',
    // On a narrow window the buttons go on a second row, each label on one line, never cut.
    flexWrap: 'wrap',
    '& > button': { whiteSpace: 'nowrap', flexShrink: 0, minWidth: 'max-content' },
  },
  split: { display: 'flex', flexGrow: 1, minHeight: 0, gap: '8px', padding: '8px' },
  list: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  count: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    padding: '4px 2px 0',
  },
});
