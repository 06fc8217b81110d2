// The dossier form's look: a grid of identity fields, then the correspondents' table.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useDossierFormStyles = makeStyles({
  form: {
    padding: '12px 16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    maxWidth: '900px',
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  // minmax(0, …): a column may shrink below its input's natural width (1024×768 screens).
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 120px) minmax(0, 100px) minmax(0, 1fr) minmax(0, 1fr)',
    gap: '8px 12px',
  },
  half: { gridColumn: 'span 2' },
  fill: { width: '100%', minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  two: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '8px 12px',
    alignItems: 'start',
  },
  sin: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' },
  sinValue: { fontFamily: tokens.fontFamilyMonospace, padding: '5px 0', whiteSpace: 'nowrap' },
  nowrap: { whiteSpace: 'nowrap' },
  section: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: '4px 0 0',
  },
  // Each correspondent's fields in a row that wraps: at 1024×768 the language and the
  // switch go to a second line rather than the name and the address being cut.
  corrList: { display: 'flex', flexDirection: 'column' },
  corrRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: '4px 12px',
    padding: '6px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  corrName: { flex: '2 1 170px', minWidth: 0 },
  corrRelation: { flex: '1 1 100px', minWidth: 0 },
  corrEmail: { flex: '3 1 250px', minWidth: 0 },
  corrLanguage: { flex: '1 1 140px', minWidth: 0 },
  corrEnd: { display: 'flex', alignItems: 'center', gap: '8px', marginLeft: 'auto' },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', gap: '8px' },
});
