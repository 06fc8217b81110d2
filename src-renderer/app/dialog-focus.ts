// A dialog always holds the keyboard: when one is open and the focus is nowhere (it opened
// before its contents were loaded, or the control that had the focus went away, as after an
// error message closes), the focus goes back into the topmost dialog, so that Tab, Entrée
// and Échap answer there as in any Windows program; the dialog on top is never left hidden.
import { useEffect } from 'react';

const FOCUSABLE =
  'input:not([disabled]):not([tabindex="-1"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]):not([tabindex="-1"]), [tabindex="0"]';

function topDialog(): HTMLElement | null {
  const dialogs = document.querySelectorAll<HTMLElement>('[role="dialog"], [role="alertdialog"]');
  return dialogs[dialogs.length - 1] ?? null;
}

function refocus(): void {
  // The dialog on top is never hidden: a message box closed over it (an error) can leave
  // it marked aria-hidden, unreachable for screen readers and for Tab.
  const surfaces = document.querySelectorAll<HTMLElement>('.fui-DialogSurface');
  const top = surfaces[surfaces.length - 1];
  if (top?.getAttribute('aria-hidden') === 'true') top.removeAttribute('aria-hidden');
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  // The user is selecting text in the dialog: leave it.
  if (!(window.getSelection()?.isCollapsed ?? true)) return;
  const dialog = topDialog();
  if (!dialog) return;
  const target = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
    (e) => e.offsetParent !== null,
  );
  (target ?? dialog).focus();
}

export function useDialogFocus(): void {
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refocus);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-hidden'],
    });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
}
