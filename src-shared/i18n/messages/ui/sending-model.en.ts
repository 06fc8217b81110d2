// Messages of the sending model, English.
import type { uiSendingModelFr } from './sending-model.fr.js';

export const uiSendingModelEn: Record<keyof typeof uiSendingModelFr, string> = {
  'ui.sendingModel.queueForApproval': 'Queue for approval ({count})',
  'ui.sendingModel.sendNow': 'Send now ({count})',
  'ui.sendingModel.validateAndSend': 'Approve and send',
  'ui.sendingModel.validating': 'Approving…',
  'ui.sendingModel.openBatch': 'See this batch in Send tracking',
  'ui.sendingModel.awaiting':
    'Manual approval: nothing has left yet. Click “Approve and send”, or review and approve the messages in Send tracking.',
  'ui.sendingModel.validateSkipped':
    'Approved: {changed}. Left as they were, because they were changed elsewhere meanwhile: {skipped}.',
  'ui.sendingModel.closeHint':
    'You can close this window: the send goes on and its progress stays at the bottom of the main window.',
  'ui.sendingModel.underway':
    'A bulk send is under way: here it is. Prepare the next one when it has finished; the documents of this send will not be sent twice.',
  'ui.sendingModel.status.preparing': 'Preparing the bulk send…',
  'ui.sendingModel.status.running': 'Sending: {done} of {total} done, failed: {failed}',
  'ui.sendingModel.status.paused': 'Sending paused: {done} of {total} done',
  'ui.sendingModel.status.finished': 'Send finished — sent: {sent}, failed: {failed}',
  'ui.sendingModel.status.cancelled': 'Send cancelled — sent: {sent}, failed: {failed}',
  'ui.sendingModel.showSummary': 'See the summary',
  'ui.sendingModel.dismiss': 'Hide',
  'ui.sendingModel.summaryTitle': 'Bulk send summary',
  'ui.sendingModel.failuresTitle': 'Messages that did not leave',
  'ui.sendingModel.col.dossier': 'Record',
  'ui.sendingModel.col.address': 'Address',
  'ui.sendingModel.col.reason': 'What the server answered',
  'ui.sendingModel.noReason': 'Refused by the server, with no explanation.',
  'ui.sendingModel.failuresMore': 'Full list in Send tracking ({count} in all).',
  'ui.sendingModel.openFailures': 'Open the failures in Send tracking',
  'ui.sendingModel.unblocked':
    'Unblocking means approving again (as in Winpass): these messages leave now. Unblocked: {changed}; left as they were: {skipped}.',
  'ui.sendingModel.batchFilter': 'Batch no. {batch}',
  'ui.sendingModel.clearBatch': 'Remove the filter on batch no. {batch}',
} as const;
