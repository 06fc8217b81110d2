// DataGrid's look: a Windows list view with a grey header, thin row lines, ellipsis cells.
import { makeStyles, tokens } from '@fluentui/react-components';

export const CHECK_WIDTH = 34;

export const useDataGridStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    flexGrow: 1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    position: 'relative',
  },
  headerClip: {
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
    flexShrink: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  header: {
    display: 'flex',
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    height: '26px',
    alignItems: 'stretch',
  },
  headerCell: {
    display: 'flex',
    alignItems: 'center',
    gap: '4px',
    padding: '0 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    userSelect: 'none',
  },
  sortable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground3Hover },
  },
  scroller: {
    overflow: 'auto',
    flexGrow: 1,
    minHeight: 0,
    // The focused row shows where the keyboard is; the list itself needs no second outline.
    outline: 'none',
  },
  row: {
    display: 'flex',
    position: 'absolute',
    left: 0,
    alignItems: 'center',
    fontSize: tokens.fontSizeBase200,
    userSelect: 'none',
    cursor: 'default',
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  placeholder: { color: tokens.colorNeutralForeground4 },
  cell: {
    padding: '0 6px',
    boxSizing: 'border-box',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    display: 'flex',
    alignItems: 'center',
    height: '100%',
    gap: '4px',
  },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  end: { justifyContent: 'flex-end', textAlign: 'end' },
  center: { justifyContent: 'center' },
  checkCell: {
    width: `${CHECK_WIDTH}px`,
    flexShrink: 0,
    display: 'flex',
    justifyContent: 'center',
  },
  empty: {
    position: 'absolute',
    top: '48px',
    left: 0,
    right: 0,
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
    pointerEvents: 'none',
  },
});
